# Events come from table streams (pipes), go through one bus, and reach their consumers through
# SQS queues, so every hop has a retry and a dead-letter queue (docs/events/README.md).
locals {
  pipes  = { for p in var.pipes : p.name => p }
  rules  = { for r in var.event_rules : r.name => r }
  queues = { for q in var.queues : q.name => q }
}

# Events on the bus carry player and money data: encrypted with the platform's key, and an event
# that cannot be encrypted or decrypted is parked in the rules' dead-letter queue, not lost.
resource "aws_cloudwatch_event_bus" "this" {
  name               = "${var.name_prefix}-events"
  kms_key_identifier = var.messages_kms_key_arn

  dead_letter_config {
    arn = aws_sqs_queue.rules_dlq.arn
  }

  tags = var.tags
}

# Every event is kept for replay after a consumer bug (docs/operations.md).
resource "aws_cloudwatch_event_archive" "this" {
  name               = "${var.name_prefix}-events"
  event_source_arn   = aws_cloudwatch_event_bus.this.arn
  retention_days     = var.archive_retention_days
  kms_key_identifier = var.messages_kms_key_arn
}

# Asynchronous invocations (the scheduler's draw steps) that failed every Lambda retry.
resource "aws_sqs_queue" "async_failures" {
  name                              = "${var.name_prefix}-async-failures"
  message_retention_seconds         = 1209600
  kms_master_key_id                 = var.messages_kms_key_arn
  kms_data_key_reuse_period_seconds = 300
  tags                              = var.tags
}
