resource "aws_sqs_queue" "pipes_dlq" {
  name                              = "${var.name_prefix}-pipes-dlq"
  message_retention_seconds         = 1209600
  kms_master_key_id                 = var.messages_kms_key_arn
  kms_data_key_reuse_period_seconds = 300
  tags                              = var.tags
}

resource "aws_cloudwatch_log_group" "pipes" {
  name              = "/aws/vendedlogs/pipes/${var.name_prefix}"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

resource "aws_pipes_pipe" "this" {
  for_each = local.pipes

  name     = "${var.name_prefix}-${each.key}"
  role_arn = aws_iam_role.pipes.arn
  source   = var.table_streams[each.value.table]
  target   = aws_cloudwatch_event_bus.this.arn

  source_parameters {
    dynamodb_stream_parameters {
      starting_position = "TRIM_HORIZON"
      batch_size        = 10
      # A record that cannot be delivered is retried, then parked, never silently skipped.
      maximum_retry_attempts        = 10
      on_partial_batch_item_failure = "AUTOMATIC_BISECT"

      dead_letter_config {
        arn = aws_sqs_queue.pipes_dlq.arn
      }
    }

    filter_criteria {
      filter {
        pattern = each.value.filter_pattern
      }
    }
  }

  target_parameters {
    input_template = each.value.input_template

    eventbridge_event_bus_parameters {
      source      = each.value.source
      detail_type = each.value.detail_type
    }
  }

  log_configuration {
    level = "ERROR"

    cloudwatch_logs_log_destination {
      log_group_arn = aws_cloudwatch_log_group.pipes.arn
    }
  }

  tags = var.tags
}

data "aws_iam_policy_document" "pipes_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["pipes.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "pipes" {
  name               = "${var.name_prefix}-pipes"
  assume_role_policy = data.aws_iam_policy_document.pipes_assume.json
  tags               = var.tags
}

data "aws_iam_policy_document" "pipes" {
  statement {
    sid = "ReadStreams"
    actions = [
      "dynamodb:DescribeStream",
      "dynamodb:GetRecords",
      "dynamodb:GetShardIterator",
      "dynamodb:ListStreams",
    ]
    resources = distinct([for p in var.pipes : var.table_streams[p.table]])
  }

  statement {
    sid       = "DecryptStreamsThroughDynamoDb"
    actions   = ["kms:Decrypt", "kms:DescribeKey"]
    resources = [var.table_kms_key_arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["dynamodb.${data.aws_region.current.region}.amazonaws.com"]
    }
  }

  statement {
    sid       = "PublishEvents"
    actions   = ["events:PutEvents"]
    resources = [aws_cloudwatch_event_bus.this.arn]
  }

  statement {
    sid       = "DeadLetters"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.pipes_dlq.arn]
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

  statement {
    sid       = "WriteErrorLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.pipes.arn}:*"]
  }
}

data "aws_region" "current" {}

resource "aws_iam_role_policy" "pipes" {
  name   = "streams-to-bus"
  role   = aws_iam_role.pipes.id
  policy = data.aws_iam_policy_document.pipes.json
}
