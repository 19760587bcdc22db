# avpipeline on AWS: provider, artifact bucket and notification topic.
# The container image, the ECS task and its schedule are in ecr.tf and ecs.tf; the IAM roles in iam.tf.
# Resource names and Terraform addresses are those of the original R deployment, so an existing state
# applies in place.

terraform {
  required_version = ">= 1.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.aws_region

  default_tags {
    tags = {
      Project   = "avpipeline"
      ManagedBy = "terraform"
    }
  }
}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition

  # The Alpha Vantage key is stored by deploy/setup.sh (or by hand), never by Terraform, so that it stays
  # out of the Terraform state. Only its ARN is needed here, for the task role.
  api_key_parameter_arn = "arn:${local.partition}:ssm:${var.aws_region}:${local.account_id}:parameter/${trimprefix(var.api_key_parameter_name, "/")}"
}

# S3 bucket for artifacts (and the raw answers they were built from)

resource "aws_s3_bucket" "artifacts" {
  bucket        = "avpipeline-artifacts-${var.bucket_suffix}"
  force_destroy = var.force_destroy

  tags = {
    Name = "avpipeline-artifacts"
  }
}

resource "aws_s3_bucket_ownership_controls" "artifacts" {
  bucket = aws_s3_bucket.artifacts.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_versioning" "artifacts" {
  bucket = aws_s3_bucket.artifacts.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "artifacts" {
  bucket = aws_s3_bucket.artifacts.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "artifacts" {
  bucket = aws_s3_bucket.artifacts.id

  # The artifacts (ttm-artifacts/: panels, companions, reports, manifests) go after 30 days. The raw store (raw/) is
  # not under that rule: its current answers are replaced by each fetch, and the statement vintages it keeps under
  # raw/<TICKER>/_vintages/ (pipeline.md §8a) must never expire; only replaced answers' old S3 versions go.
  rule {
    id     = "delete-old-artifacts"
    status = "Enabled"

    filter {
      prefix = "ttm-artifacts/"
    }

    expiration {
      days = 30
    }

    noncurrent_version_expiration {
      noncurrent_days = 30
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }

  rule {
    id     = "delete-replaced-raw-answers"
    status = "Enabled"

    filter {
      prefix = "raw/"
    }

    noncurrent_version_expiration {
      noncurrent_days = 30
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }

  # Athena's query results (athena.tf) go sooner.
  rule {
    id     = "delete-athena-results"
    status = "Enabled"

    filter {
      prefix = local.athena_results
    }

    expiration {
      days = var.athena_results_retention_days
    }

    noncurrent_version_expiration {
      noncurrent_days = 1
    }
  }

  # A lifecycle rule on noncurrent versions needs versioning in place first.
  depends_on = [aws_s3_bucket_versioning.artifacts]
}

resource "aws_s3_bucket_public_access_block" "artifacts" {
  bucket = aws_s3_bucket.artifacts.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Refuse every request that does not come over TLS. (A Deny on all S3 actions: it only takes rights away.)
data "aws_iam_policy_document" "artifacts_bucket" {
  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      aws_s3_bucket.artifacts.arn,
      "${aws_s3_bucket.artifacts.arn}/*",
    ]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "artifacts" {
  bucket = aws_s3_bucket.artifacts.id
  policy = data.aws_iam_policy_document.artifacts_bucket.json

  depends_on = [aws_s3_bucket_public_access_block.artifacts]
}

# SNS topic for notifications

resource "aws_sns_topic" "pipeline_notifications" {
  name = "avpipeline-notifications"

  tags = {
    Name = "avpipeline-notifications"
  }
}

resource "aws_sns_topic_subscription" "email" {
  topic_arn = aws_sns_topic.pipeline_notifications.arn
  protocol  = "email"
  endpoint  = var.email_address
}
