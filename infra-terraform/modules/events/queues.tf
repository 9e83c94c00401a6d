resource "aws_sqs_queue" "dlq" {
  for_each = local.queues

  name                              = "${var.name_prefix}-${each.key}-dlq"
  message_retention_seconds         = 1209600
  kms_master_key_id                 = var.messages_kms_key_arn
  kms_data_key_reuse_period_seconds = 300
  tags                              = var.tags
}

resource "aws_sqs_queue" "this" {
  for_each = local.queues

  name                              = "${var.name_prefix}-${each.key}"
  visibility_timeout_seconds        = each.value.visibilityTimeoutSeconds
  message_retention_seconds         = 345600
  kms_master_key_id                 = var.messages_kms_key_arn
  kms_data_key_reuse_period_seconds = 300

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq[each.key].arn
    maxReceiveCount     = each.value.maxReceiveCount
  })

  tags = var.tags

  # The topology's rule (modules/rules) asks for six times the consumer's timeout; this is the
  # floor AWS itself enforces, kept here beside the queue it protects.
  lifecycle {
    precondition {
      condition     = each.value.visibilityTimeoutSeconds >= var.consumers[each.value.function].timeout_seconds
      error_message = "${each.key}: the visibility timeout is shorter than ${each.value.function}'s timeout, so a message would be delivered twice while still being handled."
    }
  }
}

# Only the queue itself may be redriven into from its dead-letter queue.
resource "aws_sqs_queue_redrive_allow_policy" "dlq" {
  for_each = local.queues

  queue_url = aws_sqs_queue.dlq[each.key].id
  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.this[each.key].arn]
  })
}

resource "aws_lambda_event_source_mapping" "this" {
  for_each = local.queues

  event_source_arn = aws_sqs_queue.this[each.key].arn
  function_name    = var.consumers[each.value.function].alias_arn
  batch_size       = var.queue_batch_size
  # The handler reports the messages that failed; the others are deleted (docs/payout.md).
  function_response_types = ["ReportBatchItemFailures"]
}
