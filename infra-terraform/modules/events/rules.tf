resource "aws_sqs_queue" "rules_dlq" {
  name                              = "${var.name_prefix}-rules-dlq"
  message_retention_seconds         = 1209600
  kms_master_key_id                 = var.messages_kms_key_arn
  kms_data_key_reuse_period_seconds = 300
  tags                              = var.tags
}

resource "aws_cloudwatch_event_rule" "this" {
  for_each = local.rules

  name           = "${var.name_prefix}-${each.key}"
  event_bus_name = aws_cloudwatch_event_bus.this.name
  event_pattern = jsonencode({
    source        = [each.value.source]
    "detail-type" = [each.value.detailType]
  })
  tags = var.tags
}

resource "aws_cloudwatch_event_target" "this" {
  for_each = local.rules

  rule           = aws_cloudwatch_event_rule.this[each.key].name
  event_bus_name = aws_cloudwatch_event_bus.this.name
  target_id      = each.value.target
  arn            = aws_sqs_queue.this[each.value.target].arn

  retry_policy {
    maximum_event_age_in_seconds = 86400
    maximum_retry_attempts       = 185
  }

  dead_letter_config {
    arn = aws_sqs_queue.rules_dlq.arn
  }
}

data "aws_iam_policy_document" "queue" {
  for_each = local.queues

  statement {
    sid       = "BusRulesDeliver"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.this[each.key].arn]

    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [for name, r in local.rules : aws_cloudwatch_event_rule.this[name].arn if r.target == each.key]
    }
  }
}

resource "aws_sqs_queue_policy" "this" {
  for_each = local.queues

  queue_url = aws_sqs_queue.this[each.key].id
  policy    = data.aws_iam_policy_document.queue[each.key].json
}

data "aws_iam_policy_document" "rules_dlq" {
  statement {
    sid       = "BusRulesDeadLetters"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.rules_dlq.arn]

    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = concat([for r in aws_cloudwatch_event_rule.this : r.arn], [aws_cloudwatch_event_bus.this.arn])
    }
  }
}

resource "aws_sqs_queue_policy" "rules_dlq" {
  queue_url = aws_sqs_queue.rules_dlq.id
  policy    = data.aws_iam_policy_document.rules_dlq.json
}
