data "aws_region" "current" {}

resource "aws_sns_topic" "alarms" {
  name              = "${var.name_prefix}-alarms"
  kms_master_key_id = var.kms_key_arn
  tags              = var.tags
}

resource "aws_sns_topic_subscription" "email" {
  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = var.alarm_email
}

resource "aws_cloudwatch_metric_alarm" "errors" {
  for_each = var.function_names

  alarm_name          = "${var.name_prefix}-${each.key}-errors"
  alarm_description   = "${each.key} failed invocations (errors and timeouts)."
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = each.value }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 5
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "throttles" {
  for_each = var.function_names

  alarm_name          = "${var.name_prefix}-${each.key}-throttles"
  alarm_description   = "${each.key} invocations refused for lack of concurrency."
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  dimensions          = { FunctionName = each.value }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "dlq_depth" {
  for_each = var.dlq_names

  alarm_name          = "${var.name_prefix}-${each.key}-dlq"
  alarm_description   = "A message reached ${each.value}: something was given up on (docs/operations.md, DLQ redrive)."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = each.value }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "settlement_lag" {
  alarm_name          = "${var.name_prefix}-settlement-lag"
  alarm_description   = "A completed or voided draw (or one of its parts) has waited too long to be settled (docs/operations.md)."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateAgeOfOldestMessage"
  dimensions          = { QueueName = var.settlement_queue_name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = var.settlement_lag_alarm_seconds
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = var.tags
}

# Security events (platform SecurityEvents): a payment notification that does not match the deposit
# it names, a second payment for a credited deposit. Each is one JSON log line on the
# fairdraw.security logger, its kind in mdc.securityEvent; any one is worth a look.
resource "aws_cloudwatch_log_metric_filter" "security_events" {
  for_each = var.function_names

  name           = "${var.name_prefix}-${each.key}-security-events"
  log_group_name = "/aws/lambda/${each.value}"
  pattern        = "{ $.loggerName = \"fairdraw.security\" }"

  metric_transformation {
    name          = "SecurityEvents"
    namespace     = "Fairdraw/Security"
    value         = "1"
    default_value = "0"
  }
}

resource "aws_cloudwatch_metric_alarm" "security_events" {
  alarm_name          = "${var.name_prefix}-security-events"
  alarm_description   = "A refused attempt was recorded as a security event (docs/wallet.md, docs/operations.md): read the function logs for fairdraw.security."
  namespace           = "Fairdraw/Security"
  metric_name         = "SecurityEvents"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  tags                = var.tags
}

# Published every hour by the reconciliation run (schedule ledger-reconciliation, the back-office
# projector's ScheduledReconciliation) as an embedded metric (docs/operations.md).
resource "aws_cloudwatch_metric_alarm" "reconciliation" {
  alarm_name          = "${var.name_prefix}-reconciliation-failure"
  alarm_description   = "The books do not reconcile: a currency's balances do not sum to zero, an account is below zero where it may not be, or a provider's deposits differ from the ledger's credits."
  namespace           = "Fairdraw/Ledger"
  metric_name         = "ReconciliationDifferences"
  statistic           = "Maximum"
  period              = 3600
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "missing"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = var.tags
}

resource "aws_cloudwatch_dashboard" "this" {
  dashboard_name = var.name_prefix
  dashboard_body = jsonencode({
    widgets = [
      {
        type   = "metric"
        x      = 0
        y      = 0
        width  = 12
        height = 6
        properties = {
          title  = "API requests and errors"
          region = data.aws_region.current.region
          stat   = "Sum"
          period = 300
          metrics = [
            ["AWS/ApiGateway", "Count", "ApiId", var.api_id],
            [".", "4xx", ".", "."],
            [".", "5xx", ".", "."],
          ]
        }
      },
      {
        type   = "metric"
        x      = 12
        y      = 0
        width  = 12
        height = 6
        properties = {
          title   = "API latency p99 (ms)"
          region  = data.aws_region.current.region
          stat    = "p99"
          period  = 300
          metrics = [["AWS/ApiGateway", "Latency", "ApiId", var.api_id]]
        }
      },
      {
        type   = "metric"
        x      = 0
        y      = 6
        width  = 12
        height = 6
        properties = {
          title   = "Function errors"
          region  = data.aws_region.current.region
          stat    = "Sum"
          period  = 300
          metrics = [for name in values(var.function_names) : ["AWS/Lambda", "Errors", "FunctionName", name]]
        }
      },
      {
        type   = "metric"
        x      = 12
        y      = 6
        width  = 12
        height = 6
        properties = {
          title   = "Function duration p99 (ms)"
          region  = data.aws_region.current.region
          stat    = "p99"
          period  = 300
          metrics = [for name in values(var.function_names) : ["AWS/Lambda", "Duration", "FunctionName", name]]
        }
      },
      {
        type   = "metric"
        x      = 0
        y      = 12
        width  = 12
        height = 6
        properties = {
          title   = "Dead-letter queues"
          region  = data.aws_region.current.region
          stat    = "Maximum"
          period  = 300
          metrics = [for name in values(var.dlq_names) : ["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", name]]
        }
      },
      {
        type   = "metric"
        x      = 12
        y      = 12
        width  = 12
        height = 6
        properties = {
          title   = "Settlement lag (s)"
          region  = data.aws_region.current.region
          stat    = "Maximum"
          period  = 300
          metrics = [["AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName", var.settlement_queue_name]]
        }
      },
    ]
  })
}
