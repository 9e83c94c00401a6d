data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.region
  # Administration without use: no Encrypt, Decrypt or GenerateDataKey for administrators.
  # The services through which the roles of this account may use the data key.
  key_services = [for s in ["dynamodb", "lambda", "secretsmanager", "s3", "rds", "backup", "sns", "sqs"] : "${s}.${local.region}.amazonaws.com"]
  key_admin_actions = [
    "kms:CancelKeyDeletion",
    "kms:CreateAlias",
    "kms:DeleteAlias",
    "kms:DescribeKey",
    "kms:DisableKey",
    "kms:DisableKeyRotation",
    "kms:EnableKey",
    "kms:EnableKeyRotation",
    "kms:GetKeyPolicy",
    "kms:GetKeyRotationStatus",
    "kms:ListAliases",
    "kms:ListResourceTags",
    "kms:PutKeyPolicy",
    "kms:ScheduleKeyDeletion",
    "kms:TagResource",
    "kms:UntagResource",
    "kms:UpdateAlias",
    "kms:UpdateKeyDescription",
  ]
}

# In a key policy, Resource "*" means "this key"; no other key is reachable from it.
data "aws_iam_policy_document" "data_key" {
  statement {
    sid       = "Administer"
    actions   = local.key_admin_actions
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = var.key_administrator_arns
    }
  }

  # Roles of this account may use the key only through these services, and only as their
  # own IAM policies allow (each function's role names this key with kms:ViaService).
  statement {
    sid       = "UseThroughServices"
    actions   = ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptFrom", "kms:ReEncryptTo"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${local.account_id}:root"]
    }

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = local.key_services
    }
  }

  # Services that hold the key for a resource (RDS, Lambda's environment, Backup) create grants
  # for themselves; a grant for anything else would hand the key's use to whoever holds it.
  statement {
    sid       = "GrantOnlyForAwsResources"
    actions   = ["kms:CreateGrant"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${local.account_id}:root"]
    }

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = local.key_services
    }

    condition {
      test     = "Bool"
      variable = "kms:GrantIsForAWSResource"
      values   = ["true"]
    }
  }

  # EventBridge encrypts the bus's events and its archive with this key, and delivers to the
  # encrypted queues (rule targets and dead letters) as the service itself, for this account only.
  statement {
    sid       = "EventBridgeForThisAccount"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey", "kms:ReEncryptFrom", "kms:ReEncryptTo"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }

  # EventBridge checks the key (symmetric, enabled) when the bus or archive is created or updated.
  statement {
    sid       = "EventBridgeDescribesKey"
    actions   = ["kms:DescribeKey"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }
  }

  # CloudWatch alarms publish to the encrypted alarm topic as the service itself.
  statement {
    sid       = "AlarmsToEncryptedTopic"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_kms_key" "data" {
  description             = "${var.name_prefix}: tables, streams, queues, events, backups, secrets, the audit archive and the back office database."
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.data_key.json
  tags                    = var.tags
}

resource "aws_kms_alias" "data" {
  name          = "alias/${var.name_prefix}-data"
  target_key_id = aws_kms_key.data.key_id
}

# Draw seeds are sealed under this key with the draw id as encryption context; only the draw
# function's role may encrypt or decrypt with it, and administrators cannot (docs/draws.md).
data "aws_iam_policy_document" "seeds_key" {
  statement {
    sid       = "Administer"
    actions   = local.key_admin_actions
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = var.key_administrator_arns
    }
  }

  statement {
    sid       = "SealAndOpenSeeds"
    actions   = ["kms:Decrypt", "kms:Encrypt"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = [var.draw_function_role_arn]
    }

    condition {
      test     = "ForAllValues:StringEquals"
      variable = "kms:EncryptionContextKeys"
      values   = ["drawId"]
    }

    # ForAllValues is true of a request with no encryption context at all: require one.
    condition {
      test     = "Null"
      variable = "kms:EncryptionContextKeys"
      values   = ["false"]
    }
  }
}

resource "aws_kms_key" "seeds" {
  description             = "${var.name_prefix}: seals draw seeds until their draw."
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.seeds_key.json
  tags                    = var.tags
}

resource "aws_kms_alias" "seeds" {
  name          = "alias/${var.name_prefix}-seeds"
  target_key_id = aws_kms_key.seeds.key_id
}
