# Daily recovery points of the tables (and the back office database when it exists) in a vault
# encrypted with the data key; PITR covers the last 35 days to the second, the plan keeps longer.
resource "aws_backup_vault" "this" {
  name          = "${var.name_prefix}-vault"
  kms_key_arn   = aws_kms_key.data.arn
  force_destroy = !var.production
  tags          = var.tags
}

resource "aws_backup_plan" "this" {
  name = "${var.name_prefix}-daily"

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.this.name
    schedule          = var.backup.schedule
    start_window      = 60
    completion_window = 360

    lifecycle {
      delete_after = var.backup.retention_days
    }
  }

  tags = var.tags
}

data "aws_iam_policy_document" "backup_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["backup.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "backup" {
  name               = "${var.name_prefix}-backup"
  assume_role_policy = data.aws_iam_policy_document.backup_assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy_attachment" "backup" {
  role       = aws_iam_role.backup.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"
}

resource "aws_iam_role_policy_attachment" "restore" {
  role       = aws_iam_role.backup.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores"
}

resource "aws_backup_selection" "this" {
  name         = "${var.name_prefix}-data"
  plan_id      = aws_backup_plan.this.id
  iam_role_arn = aws_iam_role.backup.arn
  resources    = concat(var.backup.resource_arns, aws_rds_cluster.backoffice[*].arn)
}
