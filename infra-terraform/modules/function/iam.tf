# One role per function, naming exactly the tables of topology.json and the actions each needs.
# The actions of each level of access come from topology.json's tableAccess, the list local-cloud
# enforces as well: read (with ConditionCheckItem, so a write transaction may check an item of a
# table the function only reads), append (an immutable journal such as postings and transfers:
# not even UpdateItem), update (balances change in place, never disappear), write.
# A TransactWriteItems call is authorised per action it contains, so these cover transactions.

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "this" {
  name               = "${local.function_name}-fn"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  tags               = var.tags
}

data "aws_iam_policy_document" "this" {
  statement {
    sid       = "WriteOwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.this.arn}:*"]
  }

  # X-Ray's write actions have no resource-level permissions; this touches neither DynamoDB nor KMS.
  statement {
    sid       = "WriteTraces"
    actions   = ["xray:PutTelemetryRecords", "xray:PutTraceSegments"]
    resources = ["*"]
  }

  # One statement per kind of access the function has, naming the tables (and their indexes) it has it on.
  dynamic "statement" {
    for_each = { for access in distinct([for t in values(var.table_access) : t.access]) : access => access }
    content {
      sid     = "${title(statement.key)}Tables"
      actions = var.table_actions[statement.key]
      resources = flatten([
        for t in values(var.table_access) : concat([t.table_arn], t.index_arns) if t.access == statement.key
      ])
    }
  }

  # Lambda creates and removes the function's network interfaces in its VPC subnets with the
  # function's role; EC2's network-interface actions take no resource-level permissions.
  dynamic "statement" {
    for_each = var.vpc == null ? [] : [1]
    content {
      sid = "ManageOwnNetworkInterfaces"
      actions = [
        "ec2:AssignPrivateIpAddresses",
        "ec2:CreateNetworkInterface",
        "ec2:DeleteNetworkInterface",
        "ec2:DescribeNetworkInterfaces",
        "ec2:UnassignPrivateIpAddresses",
      ]
      resources = ["*"]
    }
  }

  # The event source mappings read the streams with the function's role.
  dynamic "statement" {
    for_each = length(var.stream_arns) == 0 ? [] : [1]
    content {
      sid       = "ReadConsumedStreams"
      actions   = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"]
      resources = var.stream_arns
    }
  }

  # The tables' key, only as DynamoDB uses it for this function.
  statement {
    sid       = "UseTableKeyThroughDynamoDb"
    actions   = ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"]
    resources = [var.table_kms_key_arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["dynamodb.${data.aws_region.current.region}.amazonaws.com"]
    }
  }

  dynamic "statement" {
    for_each = var.extra_statements
    content {
      sid       = statement.value.sid
      actions   = statement.value.actions
      resources = statement.value.resources

      dynamic "condition" {
        for_each = statement.value.conditions
        content {
          test     = condition.value.test
          variable = condition.value.variable
          values   = condition.value.values
        }
      }
    }
  }

  dynamic "statement" {
    for_each = var.on_failure_destination_arn == null ? [] : [1]
    content {
      sid       = "SendFailedInvocations"
      actions   = ["sqs:SendMessage"]
      resources = [var.on_failure_destination_arn]
    }
  }
}

data "aws_region" "current" {}

resource "aws_iam_role_policy" "this" {
  name   = "least-privilege"
  role   = aws_iam_role.this.id
  policy = data.aws_iam_policy_document.this.json
}
