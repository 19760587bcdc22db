# IAM: three roles, each allowed only what it does.
#   - execution role: ECS pulls the image from this ECR repository and writes to this log group;
#   - task role: the run itself (S3 under raw/ and ttm-artifacts/, the one SSM parameter, the one SNS topic);
#   - EventBridge role: starts this task definition on this cluster and hands ECS the two roles above.
# Every policy is an aws_iam_policy_document with named actions on named resources; the only "*" resource
# is ecr:GetAuthorizationToken, which AWS does not allow to be scoped to a resource.

data "aws_iam_policy_document" "ecs_tasks_assume_role" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

# Execution role (used by ECS to start the task: pull the image, send the logs)

resource "aws_iam_role" "ecs_task_execution_role" {
  name               = "avpipeline-ecs-task-execution-role"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume_role.json

  tags = {
    Name = "avpipeline-ecs-task-execution-role"
  }
}

data "aws_iam_policy_document" "ecs_task_execution" {
  statement {
    sid       = "EcrLogin"
    effect    = "Allow"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"] # this action has no resource-level permissions
  }

  statement {
    sid    = "PullImage"
    effect = "Allow"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:GetDownloadUrlForLayer",
    ]
    resources = [aws_ecr_repository.avpipeline.arn]
  }

  statement {
    sid    = "WriteLogs"
    effect = "Allow"
    actions = [
      "logs:CreateLogStream",
      "logs:PutLogEvents",
    ]
    resources = ["${aws_cloudwatch_log_group.avpipeline.arn}:log-stream:*"]
  }
}

resource "aws_iam_role_policy" "ecs_task_execution_policy" {
  name   = "avpipeline-ecs-task-execution-policy"
  role   = aws_iam_role.ecs_task_execution_role.id
  policy = data.aws_iam_policy_document.ecs_task_execution.json
}

# Task role (used by `avpipeline run --aws` itself)

resource "aws_iam_role" "ecs_task_role" {
  name               = "avpipeline-ecs-task-role"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume_role.json

  tags = {
    Name = "avpipeline-ecs-task-role"
  }
}

data "aws_iam_policy_document" "ecs_task" {
  # Listing is allowed on this bucket only. It is not narrowed by an s3:prefix condition on purpose: S3
  # answers a read of a missing key with 404 only to a caller that may list the bucket, and with 403
  # otherwise, and the raw store must be able to tell "not stored yet" from "access denied".
  statement {
    sid       = "ListArtifactBucket"
    effect    = "Allow"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.artifacts.arn]
  }

  statement {
    sid    = "ReadWriteRawAnswersAndArtifacts"
    effect = "Allow"
    actions = [
      "s3:GetObject",
      "s3:PutObject",
      "s3:AbortMultipartUpload",
      "s3:ListMultipartUploadParts",
    ]
    resources = [
      "${aws_s3_bucket.artifacts.arn}/raw/*",           # raw Alpha Vantage answers
      "${aws_s3_bucket.artifacts.arn}/ttm-artifacts/*", # ttm-artifacts/YYYY-MM-DD/ttm_per_share_financial_artifact.parquet
      "${aws_s3_bucket.artifacts.arn}/locks/avpipeline.lock", # the run's lock object: one run per bucket
    ]
  }

  # One run per bucket: the run's lock object is written above (created with If-None-Match, renewed and taken
  # over with If-Match) and deleted when the run ends (S3StoreLock in the code).
  statement {
    sid       = "ReleaseRunLock"
    effect    = "Allow"
    actions   = ["s3:DeleteObject"]
    resources = ["${aws_s3_bucket.artifacts.arn}/locks/avpipeline.lock"]
  }

  # SecureString decryption with the default aws/ssm key needs no KMS statement: that key's policy
  # already lets this account use it through SSM.
  statement {
    sid       = "ReadApiKey"
    effect    = "Allow"
    actions   = ["ssm:GetParameter"]
    resources = [local.api_key_parameter_arn]
  }

  statement {
    sid       = "Notify"
    effect    = "Allow"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.pipeline_notifications.arn]
  }
}

resource "aws_iam_role_policy" "ecs_task_policy" {
  name   = "avpipeline-ecs-task-policy"
  role   = aws_iam_role.ecs_task_role.id
  policy = data.aws_iam_policy_document.ecs_task.json
}

# EventBridge role (used by the schedule to start the task)

data "aws_iam_policy_document" "events_assume_role" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "eventbridge_ecs_role" {
  name               = "avpipeline-eventbridge-ecs-role"
  assume_role_policy = data.aws_iam_policy_document.events_assume_role.json

  tags = {
    Name = "avpipeline-eventbridge-ecs-role"
  }
}

data "aws_iam_policy_document" "eventbridge_ecs" {
  # Any revision of the avpipeline family (the target always names the current one), on this cluster only.
  statement {
    sid       = "RunPipelineTask"
    effect    = "Allow"
    actions   = ["ecs:RunTask"]
    resources = ["${aws_ecs_task_definition.avpipeline.arn_without_revision}:*"]

    condition {
      test     = "ArnEquals"
      variable = "ecs:cluster"
      values   = [aws_ecs_cluster.avpipeline.arn]
    }
  }

  statement {
    sid     = "PassTaskRoles"
    effect  = "Allow"
    actions = ["iam:PassRole"]
    resources = [
      aws_iam_role.ecs_task_execution_role.arn,
      aws_iam_role.ecs_task_role.arn,
    ]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "eventbridge_ecs_policy" {
  name   = "avpipeline-eventbridge-ecs-policy"
  role   = aws_iam_role.eventbridge_ecs_role.id
  policy = data.aws_iam_policy_document.eventbridge_ecs.json
}
