# One schedule per entry of topology.json's schedules: each game step, in the game's IANA time
# zone, for the draw function, and the hourly ledger reconciliation for the back-office
# projector. The scheduler invokes its function asynchronously; an invocation that could not be
# delivered after the retries lands in the dead-letter queue (docs/operations.md, a stuck or late
# draw).
locals {
  schedules = { for s in var.schedules : s.name => s }
}

resource "aws_scheduler_schedule_group" "this" {
  name = "${var.name_prefix}-draws"
  tags = var.tags
}

resource "aws_sqs_queue" "dlq" {
  name                              = "${var.name_prefix}-schedules-dlq"
  message_retention_seconds         = 1209600
  kms_master_key_id                 = var.messages_kms_key_arn
  kms_data_key_reuse_period_seconds = 300
  tags                              = var.tags
}

resource "aws_scheduler_schedule" "this" {
  for_each = local.schedules

  name                         = each.key
  group_name                   = aws_scheduler_schedule_group.this.name
  schedule_expression          = each.value.expression
  schedule_expression_timezone = each.value.timeZone
  state                        = var.enabled ? "ENABLED" : "DISABLED"

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = var.targets[each.value.function].alias_arn
    role_arn = aws_iam_role.scheduler.arn
    # jsonencode escapes < and >, which would hide <aws.scheduler.scheduled-time> from the scheduler.
    input = replace(replace(jsonencode(each.value.input), "\\u003c", "<"), "\\u003e", ">")

    retry_policy {
      maximum_event_age_in_seconds = 600
      maximum_retry_attempts       = 5
    }

    dead_letter_config {
      arn = aws_sqs_queue.dlq.arn
    }
  }
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

data "aws_caller_identity" "current" {}

resource "aws_iam_role" "scheduler" {
  name               = "${var.name_prefix}-scheduler"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  tags               = var.tags
}

data "aws_iam_policy_document" "scheduler" {
  statement {
    sid       = "InvokeScheduledFunctions"
    actions   = ["lambda:InvokeFunction"]
    resources = distinct([for s in var.schedules : var.targets[s.function].alias_arn])
  }

  statement {
    sid       = "DeadLetters"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.dlq.arn]
  }

  # The dead-letter queue is encrypted with the platform's key: sending to it takes a data key.
  statement {
    sid       = "UseQueueKeyThroughSqs"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [var.messages_kms_key_arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["sqs.${data.aws_region.current.region}.amazonaws.com"]
    }
  }
}

data "aws_region" "current" {}

resource "aws_iam_role_policy" "scheduler" {
  name   = "invoke-targets"
  role   = aws_iam_role.scheduler.id
  policy = data.aws_iam_policy_document.scheduler.json
}
