# Events come from table streams (pipes), go through one bus, and reach their consumers through
# SQS queues, so every hop has a retry and a dead-letter queue (docs/events/README.md).
locals {
  pipes  = { for p in var.pipes : p.name => p }
  rules  = { for r in var.event_rules : r.name => r }
  queues = { for q in var.queues : q.name => q }
}

resource "aws_cloudwatch_event_bus" "this" {
  name = "${var.name_prefix}-events"
  tags = var.tags
}

# Every event is kept for replay after a consumer bug (docs/operations.md).
resource "aws_cloudwatch_event_archive" "this" {
  name             = "${var.name_prefix}-events"
  event_source_arn = aws_cloudwatch_event_bus.this.arn
  retention_days   = var.archive_retention_days
}

# Asynchronous invocations (the scheduler's draw steps) that failed every Lambda retry.
resource "aws_sqs_queue" "async_failures" {
  name                      = "${var.name_prefix}-async-failures"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
  tags                      = var.tags
}
