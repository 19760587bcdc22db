# A task that stops abnormally also e-mails the topic, even when the run could not send its own failure
# notification: the container never started (no image pushed, wrong platform, subnet without a route
# out), or the JVM was stopped from outside (OutOfMemoryError with -XX:+ExitOnOutOfMemoryError, the task's
# memory limit). A failure the run itself reports gives two e-mails: its detailed "Pipeline Failed: ..."
# message and this short one.

resource "aws_cloudwatch_event_rule" "task_failed" {
  name        = "avpipeline-task-failed"
  description = "avpipeline ECS task stopped with a non-zero exit code or failed to start"

  event_pattern = jsonencode({
    source      = ["aws.ecs"]
    detail-type = ["ECS Task State Change"]
    detail = {
      clusterArn = [aws_ecs_cluster.avpipeline.arn]
      group      = ["family:avpipeline"]
      lastStatus = ["STOPPED"]
      "$or" = [
        { stopCode = ["TaskFailedToStart"] },
        { containers = { exitCode = [{ anything-but = 0 }] } },
      ]
    }
  })

  tags = {
    Name = "avpipeline-task-failed"
  }
}

resource "aws_cloudwatch_event_target" "task_failed_email" {
  rule      = aws_cloudwatch_event_rule.task_failed.name
  target_id = "avpipeline-task-failed-email"
  arn       = aws_sns_topic.pipeline_notifications.arn

  input_transformer {
    input_paths = {
      reason = "$.detail.stoppedReason"
      code   = "$.detail.stopCode"
      exit   = "$.detail.containers[0].exitCode"
      task   = "$.detail.taskArn"
    }
    input_template = "\"avpipeline task stopped abnormally: <reason> (stop code <code>, exit code <exit>). Task: <task>. Logs: aws logs tail /ecs/avpipeline --since 2h --region ${var.aws_region}\""
  }
}

# Let EventBridge (this rule only) publish to the topic.
data "aws_iam_policy_document" "pipeline_notifications_topic" {
  statement {
    sid       = "TaskFailedRulePublishes"
    effect    = "Allow"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.pipeline_notifications.arn]

    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_cloudwatch_event_rule.task_failed.arn]
    }
  }
}

resource "aws_sns_topic_policy" "pipeline_notifications" {
  arn    = aws_sns_topic.pipeline_notifications.arn
  policy = data.aws_iam_policy_document.pipeline_notifications_topic.json
}
