# Readers: the artifacts as Athena tables, a workgroup for their queries, and a read-only role.
#
#   - Glue database "avpipeline" with one table per entry of local.glue_tables (glue_tables.tf, generated from the
#     artifacts' Parquet schemas: its columns never drift from what the writer writes).
#   - Partition projection on run_date: Athena computes each run's location from the date, so nothing is registered
#     after an upload (no crawler, no MSCK REPAIR). A run-date folder holds several files (the panel, its companions,
#     run_report.html, run_manifest.json), and Athena reads every file of a partition's location; so each table's
#     partition location is a folder of its own inside the run's folder, ttm-artifacts/YYYY-MM-DD/athena/<table>/,
#     holding one line (symlink.txt) that names the run's file of that table (SymlinkTextInputFormat). The run
#     writes it after the upload (org.avpipeline.cloud.AthenaPointers).
#   - Workgroup "avpipeline": results under athena-results/ of the artifact bucket, SSE-S3, expired after
#     athena_results_retention_days by the bucket's lifecycle; its settings override the client's.
#   - Named queries for the common asks (queries/*.sql) and the role "avpipeline-athena-reader".

locals {
  glue_database_name = "avpipeline"
  athena_results     = "athena-results/"

  # The bucket keeps an artifact 30 days (main.tf): partitions are projected over the days that can still hold one.
  run_date_projection_range = "NOW-31DAYS,NOW"

  glue_catalog_arn   = "arn:${local.partition}:glue:${var.aws_region}:${local.account_id}:catalog"
  glue_database_arn  = "arn:${local.partition}:glue:${var.aws_region}:${local.account_id}:database/${local.glue_database_name}"
  athena_catalog_arn = "arn:${local.partition}:athena:${var.aws_region}:${local.account_id}:datacatalog/AwsDataCatalog"

  named_queries = {
    latest_snapshot_of_one_ticker = "The latest snapshot of one ticker: its last row in the newest run"
    cross_section_on_one_day      = "Every ticker on one trading day of the newest run"
    coverage_per_month            = "Tickers with prices and with complete financial data, per month, in the newest run"
  }
}

resource "aws_glue_catalog_database" "artifacts" {
  name        = local.glue_database_name
  description = "avpipeline artifacts in s3://${aws_s3_bucket.artifacts.id}/ttm-artifacts/, one partition per run date"
}

resource "aws_glue_catalog_table" "artifact" {
  for_each = local.glue_tables

  name          = each.key
  database_name = aws_glue_catalog_database.artifacts.name
  description   = each.value.description
  table_type    = "EXTERNAL_TABLE"

  parameters = {
    EXTERNAL                            = "TRUE"
    classification                      = "parquet"
    "projection.enabled"                = "true"
    "projection.run_date.type"          = "date"
    "projection.run_date.format"        = "yyyy-MM-dd"
    "projection.run_date.range"         = local.run_date_projection_range
    "projection.run_date.interval"      = "1"
    "projection.run_date.interval.unit" = "DAYS"
    "storage.location.template"         = "s3://${aws_s3_bucket.artifacts.id}/ttm-artifacts/$${run_date}/athena/${each.key}/"
  }

  partition_keys {
    name    = "run_date"
    type    = "string"
    comment = "The run's date (UTC), YYYY-MM-DD: the folder ttm-artifacts/YYYY-MM-DD/"
  }

  storage_descriptor {
    location      = "s3://${aws_s3_bucket.artifacts.id}/ttm-artifacts/"
    input_format  = "org.apache.hadoop.hive.ql.io.SymlinkTextInputFormat"
    output_format = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat"

    ser_de_info {
      name                  = "parquet"
      serialization_library = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"
    }

    dynamic "columns" {
      for_each = each.value.columns
      content {
        name = columns.value.name
        type = columns.value.type
      }
    }
  }
}

resource "aws_athena_workgroup" "readers" {
  name          = "avpipeline"
  description   = "Queries over the avpipeline artifacts; results in s3://${aws_s3_bucket.artifacts.id}/${local.athena_results}"
  state         = "ENABLED"
  force_destroy = var.force_destroy

  configuration {
    enforce_workgroup_configuration    = true
    publish_cloudwatch_metrics_enabled = true
    bytes_scanned_cutoff_per_query     = var.athena_bytes_scanned_cutoff

    result_configuration {
      output_location = "s3://${aws_s3_bucket.artifacts.id}/${local.athena_results}"

      encryption_configuration {
        encryption_option = "SSE_S3"
      }
    }
  }

  tags = {
    Name = "avpipeline"
  }
}

resource "aws_athena_named_query" "artifact" {
  for_each = local.named_queries

  name        = each.key
  description = each.value
  database    = aws_glue_catalog_database.artifacts.name
  workgroup   = aws_athena_workgroup.readers.id
  query       = file("${path.module}/queries/${each.key}.sql")
}

# The reader role: run queries in this workgroup, read the catalog's database and tables, read the artifacts,
# write and read query results. Nothing else: not raw/, not another workgroup, no write to ttm-artifacts/.

data "aws_iam_policy_document" "athena_reader_assume_role" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = length(var.athena_reader_principals) > 0 ? var.athena_reader_principals : ["arn:${local.partition}:iam::${local.account_id}:root"]
    }
  }
}

resource "aws_iam_role" "athena_reader" {
  name               = "avpipeline-athena-reader"
  assume_role_policy = data.aws_iam_policy_document.athena_reader_assume_role.json

  tags = {
    Name = "avpipeline-athena-reader"
  }
}

data "aws_iam_policy_document" "athena_reader" {
  statement {
    sid    = "QueryInTheWorkgroup"
    effect = "Allow"
    actions = [
      "athena:BatchGetNamedQuery",
      "athena:BatchGetQueryExecution",
      "athena:GetNamedQuery",
      "athena:GetQueryExecution",
      "athena:GetQueryResults",
      "athena:GetQueryRuntimeStatistics",
      "athena:GetWorkGroup",
      "athena:ListNamedQueries",
      "athena:ListQueryExecutions",
      "athena:StartQueryExecution",
      "athena:StopQueryExecution",
    ]
    resources = [aws_athena_workgroup.readers.arn]
  }

  # What the console's editor asks to list the catalog's databases and tables.
  statement {
    sid    = "BrowseTheDataCatalog"
    effect = "Allow"
    actions = [
      "athena:GetDataCatalog",
      "athena:GetDatabase",
      "athena:GetTableMetadata",
      "athena:ListDatabases",
      "athena:ListTableMetadata",
    ]
    resources = [local.athena_catalog_arn]
  }

  # The console's workgroup picker; this action takes no resource.
  statement {
    sid       = "ListWorkgroups"
    effect    = "Allow"
    actions   = ["athena:ListWorkGroups"]
    resources = ["*"]
  }

  statement {
    sid    = "ReadTheTables"
    effect = "Allow"
    actions = [
      "glue:BatchGetPartition",
      "glue:GetDatabase",
      "glue:GetPartition",
      "glue:GetPartitions",
      "glue:GetTable",
      "glue:GetTables",
    ]
    resources = concat(
      [local.glue_catalog_arn, local.glue_database_arn],
      [for t in aws_glue_catalog_table.artifact : t.arn],
    )
  }

  statement {
    sid       = "LocateTheBucket"
    effect    = "Allow"
    actions   = ["s3:GetBucketLocation"]
    resources = [aws_s3_bucket.artifacts.arn]
  }

  # Listing only under the artifacts and the results (a partition's location, the result folder).
  statement {
    sid       = "ListArtifactsAndResults"
    effect    = "Allow"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.artifacts.arn]

    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["ttm-artifacts/*", "${local.athena_results}*"]
    }
  }

  statement {
    sid     = "ReadArtifactsAndResults"
    effect  = "Allow"
    actions = ["s3:GetObject"]
    resources = [
      "${aws_s3_bucket.artifacts.arn}/ttm-artifacts/*",
      "${aws_s3_bucket.artifacts.arn}/${local.athena_results}*",
    ]
  }

  statement {
    sid    = "WriteQueryResults"
    effect = "Allow"
    actions = [
      "s3:AbortMultipartUpload",
      "s3:ListMultipartUploadParts",
      "s3:PutObject",
    ]
    resources = ["${aws_s3_bucket.artifacts.arn}/${local.athena_results}*"]
  }
}

resource "aws_iam_role_policy" "athena_reader" {
  name   = "avpipeline-athena-reader-policy"
  role   = aws_iam_role.athena_reader.id
  policy = data.aws_iam_policy_document.athena_reader.json
}
