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
