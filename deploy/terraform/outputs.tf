# Terraform outputs (read by deploy/setup.sh, deploy/build_and_push.sh and deploy/run_task.sh)

output "ecr_repository_url" {
  description = "ECR repository URL for Docker images"
  value       = aws_ecr_repository.avpipeline.repository_url
}

output "s3_bucket_name" {
  description = "S3 bucket name for artifacts"
  value       = aws_s3_bucket.artifacts.id
}

output "s3_bucket_arn" {
  description = "S3 bucket ARN"
  value       = aws_s3_bucket.artifacts.arn
}

output "ecs_cluster_name" {
  description = "ECS cluster name"
  value       = aws_ecs_cluster.avpipeline.name
}

output "ecs_task_definition_arn" {
  description = "ECS task definition ARN"
  value       = aws_ecs_task_definition.avpipeline.arn
}

output "sns_topic_arn" {
  description = "SNS topic ARN for notifications"
  value       = aws_sns_topic.pipeline_notifications.arn
}

output "cloudwatch_log_group" {
  description = "CloudWatch log group name"
  value       = aws_cloudwatch_log_group.avpipeline.name
}

output "eventbridge_rule_name" {
  description = "EventBridge schedule rule name"
  value       = aws_cloudwatch_event_rule.pipeline_schedule.name
}

output "task_security_group_id" {
  description = "Security group of the task (outbound HTTPS only), for manual runs"
  value       = aws_security_group.ecs_task.id
}

output "task_subnet_ids" {
  description = "Default-VPC subnets the scheduled task runs in"
  value       = data.aws_subnets.default.ids
}

# Readers (athena.tf; deploy/README.md, "Querying the Artifacts")

output "glue_database_name" {
  description = "Glue database of the artifact tables"
  value       = aws_glue_catalog_database.artifacts.name
}

output "glue_table_names" {
  description = "Glue tables, one per artifact, each partitioned by run_date (YYYY-MM-DD)"
  value       = sort([for t in aws_glue_catalog_table.artifact : t.name])
}

output "athena_workgroup" {
  description = "Athena workgroup for queries over the artifacts"
  value       = aws_athena_workgroup.readers.name
}

output "athena_results_location" {
  description = "Where the workgroup writes query results (SSE-S3, expired by the bucket's lifecycle)"
  value       = "s3://${aws_s3_bucket.artifacts.id}/${local.athena_results}"
}

output "athena_named_query_ids" {
  description = "Named queries of the workgroup (name => ID), for aws athena get-named-query"
  value       = { for name, q in aws_athena_named_query.artifact : name => q.id }
}

output "athena_reader_role_arn" {
  description = "Read-only role for querying the artifacts (this workgroup, these tables, ttm-artifacts/)"
  value       = aws_iam_role.athena_reader.arn
}

output "how_to_query" {
  description = "How to query the artifacts: Athena CLI, DuckDB and pyarrow"
  value       = <<-EOT
    Athena (console: Query editor, workgroup ${aws_athena_workgroup.readers.name}, database ${aws_glue_catalog_database.artifacts.name}, Saved queries):
      aws athena start-query-execution --region ${var.aws_region} --work-group ${aws_athena_workgroup.readers.name} \
        --query-execution-context Database=${aws_glue_catalog_database.artifacts.name} \
        --query-string "SELECT ticker, \"date\", market_cap FROM ttm_per_share_financial_artifact WHERE ticker = 'AAPL' ORDER BY run_date DESC, \"date\" DESC LIMIT 5"
      aws athena get-query-results --region ${var.aws_region} --query-execution-id <QueryExecutionId>
    DuckDB (httpfs; one ticker reads the footer and one row group, not the whole file):
      INSTALL httpfs; LOAD httpfs; CREATE SECRET (TYPE S3, PROVIDER CREDENTIAL_CHAIN);
      SELECT * FROM read_parquet('s3://${aws_s3_bucket.artifacts.id}/ttm-artifacts/YYYY-MM-DD/ttm_per_share_financial_artifact.parquet') WHERE ticker = 'AAPL';
    pyarrow:
      pyarrow.parquet.read_table('s3://${aws_s3_bucket.artifacts.id}/ttm-artifacts/YYYY-MM-DD/ttm_per_share_financial_artifact.parquet', filters=[('ticker', '==', 'AAPL')])
  EOT
}
