# ECS: the cluster, the Fargate task that runs `avpipeline run --aws`, its logs, and the weekly schedule.

resource "aws_ecs_cluster" "avpipeline" {
  name = "avpipeline-cluster"

  tags = {
    Name = "avpipeline-cluster"
  }
}

resource "aws_cloudwatch_log_group" "avpipeline" {
  name              = "/ecs/avpipeline"
  retention_in_days = 7

  tags = {
    Name = "avpipeline-logs"
  }
}

resource "aws_ecs_task_definition" "avpipeline" {
  family                   = "avpipeline"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.task_cpu
  memory                   = var.task_memory
  execution_role_arn       = aws_iam_role.ecs_task_execution_role.arn
  task_role_arn            = aws_iam_role.ecs_task_role.arn

  # deploy/build_and_push.sh builds for linux/amd64.
  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([{
    name      = "avpipeline"
    image     = "${aws_ecr_repository.avpipeline.repository_url}:latest"
    essential = true

    # Read by `avpipeline run --aws` (command-line flags would win over them).
    environment = [
      { name = "AWS_REGION", value = var.aws_region },
      { name = "S3_BUCKET", value = aws_s3_bucket.artifacts.id },
      { name = "SNS_TOPIC_ARN", value = aws_sns_topic.pipeline_notifications.arn },
      { name = "ETF_SYMBOL", value = var.etf_symbol },
      { name = "START_DATE", value = var.start_date },
      { name = "CLEANING", value = var.cleaning },
      { name = "AV_PARAMETER_NAME", value = var.api_key_parameter_name },
      { name = "AV_RATE_LIMIT_PER_MIN", value = tostring(var.rate_limit_per_min) },
    ]

    logConfiguration = {
      logDriver = "awslogs"
      options = {
        "awslogs-group"         = aws_cloudwatch_log_group.avpipeline.name
        "awslogs-region"        = var.aws_region
        "awslogs-stream-prefix" = "ecs"
      }
    }
  }])

  tags = {
    Name = "avpipeline-task"
  }
}

# Network: the default VPC's default subnets (public, hence assign_public_ip) and a security group that
# lets the task call out over HTTPS only (Alpha Vantage, ECR, S3, SSM, SNS, CloudWatch Logs) and lets
# nothing in.

data "aws_vpc" "default" {
  default = true
}

data "aws_subnets" "default" {
  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.default.id]
  }

  filter {
    name   = "default-for-az"
    values = ["true"]
  }
}

resource "aws_security_group" "ecs_task" {
  name        = "avpipeline-task"
  description = "avpipeline Fargate task: outbound HTTPS only, no inbound"
  vpc_id      = data.aws_vpc.default.id

  egress {
    description = "HTTPS to Alpha Vantage and the AWS APIs"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = {
    Name = "avpipeline-task"
  }
}

# EventBridge rule for the scheduled run

resource "aws_cloudwatch_event_rule" "pipeline_schedule" {
  name                = "avpipeline-schedule"
  description         = "Triggers avpipeline ECS task on schedule"
  schedule_expression = var.schedule_expression

  tags = {
    Name = "avpipeline-schedule"
  }
}

resource "aws_cloudwatch_event_target" "ecs_task" {
  rule      = aws_cloudwatch_event_rule.pipeline_schedule.name
  target_id = "avpipeline-ecs-task"
  arn       = aws_ecs_cluster.avpipeline.arn
  role_arn  = aws_iam_role.eventbridge_ecs_role.arn

  ecs_target {
    task_count          = 1
    task_definition_arn = aws_ecs_task_definition.avpipeline.arn
    launch_type         = "FARGATE"
    platform_version    = "LATEST"

    network_configuration {
      subnets          = data.aws_subnets.default.ids
      security_groups  = [aws_security_group.ecs_task.id]
      assign_public_ip = true
    }
  }
}
