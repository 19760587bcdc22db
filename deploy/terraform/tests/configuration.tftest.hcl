# Offline checks of the configuration with a mocked AWS provider (no credentials, nothing created):
#   cd deploy/terraform && terraform init -backend=false && terraform test
# Computed values (ARNs, policy JSON) are stand-ins; what is checked is how the variables flow into
# the resources, and that the variable validations reject bad input.

mock_provider "aws" {
  mock_data "aws_caller_identity" {
    defaults = { account_id = "123456789012" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  mock_data "aws_iam_policy_document" {
    defaults = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
  }
  mock_data "aws_subnets" {
    defaults = { ids = ["subnet-0aaa", "subnet-0bbb"] }
  }
  mock_resource "aws_iam_role" {
    defaults = { arn = "arn:aws:iam::123456789012:role/mock" }
  }
  mock_resource "aws_ecs_cluster" {
    defaults = { arn = "arn:aws:ecs:us-east-1:123456789012:cluster/avpipeline-cluster" }
  }
  mock_resource "aws_s3_bucket" {
    defaults = { arn = "arn:aws:s3:::avpipeline-artifacts-prod" }
  }
  mock_resource "aws_sns_topic" {
    defaults = { arn = "arn:aws:sns:us-east-1:123456789012:avpipeline-notifications" }
  }
  mock_resource "aws_cloudwatch_event_rule" {
    defaults = { arn = "arn:aws:events:us-east-1:123456789012:rule/avpipeline-schedule" }
  }
  mock_resource "aws_ecs_task_definition" {
    defaults = {
      arn                  = "arn:aws:ecs:us-east-1:123456789012:task-definition/avpipeline:1"
      arn_without_revision = "arn:aws:ecs:us-east-1:123456789012:task-definition/avpipeline"
    }
  }
}

variables {
  email_address = "ops@example.com"
}

run "defaults" {
  command = apply

  assert {
    condition     = aws_s3_bucket.artifacts.bucket == "avpipeline-artifacts-prod"
    error_message = "bucket name: ${aws_s3_bucket.artifacts.bucket}"
  }
  assert {
    condition     = local.api_key_parameter_arn == "arn:aws:ssm:us-east-1:123456789012:parameter/avpipeline/alpha-vantage-api-key"
    error_message = "parameter ARN: ${local.api_key_parameter_arn}"
  }
  assert {
    condition = {
      for e in jsondecode(aws_ecs_task_definition.avpipeline.container_definitions)[0].environment : e.name => e.value
      } == {
      AWS_REGION            = "us-east-1"
      S3_BUCKET             = aws_s3_bucket.artifacts.id
      SNS_TOPIC_ARN         = aws_sns_topic.pipeline_notifications.arn
      ETF_SYMBOL            = "QQQ"
      START_DATE            = "2004-12-31"
      CLEANING              = "as-served"
      AV_PARAMETER_NAME     = "/avpipeline/alpha-vantage-api-key"
      AV_RATE_LIMIT_PER_MIN = "75"
    }
    error_message = "container environment: ${aws_ecs_task_definition.avpipeline.container_definitions}"
  }
  assert {
    condition     = aws_ecs_task_definition.avpipeline.cpu == "1024" && aws_ecs_task_definition.avpipeline.memory == "2048"
    error_message = "task size"
  }
  assert {
    condition     = aws_cloudwatch_event_rule.pipeline_schedule.schedule_expression == "cron(0 6 ? * SUN *)"
    error_message = "schedule"
  }
  assert {
    condition     = aws_cloudwatch_event_target.ecs_task.ecs_target[0].network_configuration[0].subnets == toset(["subnet-0aaa", "subnet-0bbb"])
    error_message = "the schedule runs in the default VPC's subnets"
  }
  assert {
    condition     = aws_cloudwatch_event_target.ecs_task.ecs_target[0].network_configuration[0].assign_public_ip
    error_message = "public IP"
  }
  assert {
    condition     = jsondecode(aws_cloudwatch_event_rule.task_failed.event_pattern)["detail-type"] == ["ECS Task State Change"]
    error_message = "task-failed rule pattern: ${aws_cloudwatch_event_rule.task_failed.event_pattern}"
  }
}

run "iwb_since_2020" {
  command = plan

  variables {
    etf_symbol    = "IWB"
    start_date    = "2020-01-01"
    bucket_suffix = "research"
  }

  assert {
    condition     = aws_s3_bucket.artifacts.bucket == "avpipeline-artifacts-research"
    error_message = "bucket suffix"
  }
  assert {
    condition = contains(
      [for e in jsondecode(aws_ecs_task_definition.avpipeline.container_definitions)[0].environment : "${e.name}=${e.value}"],
    "ETF_SYMBOL=IWB")
    error_message = "etf_symbol reaches the container"
  }
}

run "rejects_a_bad_email_address" {
  command = plan
  variables {
    email_address = "not-an-email"
  }
  expect_failures = [var.email_address]
}

run "rejects_a_cpu_size_fargate_does_not_have" {
  command = plan
  variables {
    task_cpu = 1000
  }
  expect_failures = [var.task_cpu]
}

run "rejects_an_unknown_cleaning_mode" {
  command = plan

  variables {
    cleaning = "repaired"
  }

  expect_failures = [var.cleaning]
}

run "rejects_a_start_date_not_written_yyyy_mm_dd" {
  command = plan
  variables {
    start_date = "31/12/2004"
  }
  expect_failures = [var.start_date]
}

run "readers" {
  command = plan

  assert {
    condition     = keys(aws_glue_catalog_table.artifact) == ["ttm_per_share_financial_artifact"]
    error_message = "one Glue table per entry of glue_tables.tf"
  }
  assert {
    condition     = length(aws_glue_catalog_table.artifact["ttm_per_share_financial_artifact"].storage_descriptor[0].columns) == 160
    error_message = "the panel's 160 columns"
  }
  assert {
    condition     = [for c in slice(aws_glue_catalog_table.artifact["ttm_per_share_financial_artifact"].storage_descriptor[0].columns, 0, 2) : "${c.name} ${c.type}"] == ["ticker string", "date date"]
    error_message = "the columns in the artifact's order, with Hive types"
  }
  assert {
    condition     = endswith(aws_glue_catalog_table.artifact["ttm_per_share_financial_artifact"].parameters["storage.location.template"], "/ttm-artifacts/$${run_date}/athena/ttm_per_share_financial_artifact/")
    error_message = "partitions are projected onto the run's pointer folder"
  }
  assert {
    condition     = aws_athena_workgroup.readers.configuration[0].enforce_workgroup_configuration
    error_message = "the workgroup's settings win"
  }
  assert {
    condition     = length(aws_athena_named_query.artifact) == 3
    error_message = "three named queries"
  }
}

run "rejects_a_scan_cutoff_below_athenas_minimum" {
  command = plan
  variables {
    athena_bytes_scanned_cutoff = 1000
  }
  expect_failures = [var.athena_bytes_scanned_cutoff]
}
