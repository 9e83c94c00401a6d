# The back office's reporting store: Aurora PostgreSQL Serverless v2 behind RDS Proxy, in the
# private subnets of network.tf; the functions' database roles; the key that wraps players'
# data keys.
locals {
  backoffice = var.backoffice_enabled ? 1 : 0
  azs        = slice(data.aws_availability_zones.available.names, 0, 2)
  # Interface endpoints the projector and the back office API need; DynamoDB and S3 use free gateway endpoints.
  interface_endpoints = var.backoffice_enabled ? toset(["secretsmanager", "kms", "logs", "sts"]) : toset([])
  # The functions' database roles, the same script local-cloud runs on its PostgreSQL.
  roles_script = "${path.module}/../../../functions/backoffice-store/src/main/resources/db/roles.sql"
}

resource "aws_db_subnet_group" "backoffice" {
  count = local.backoffice

  name       = "${var.name_prefix}-backoffice"
  subnet_ids = aws_subnet.private[*].id
  tags       = var.tags
}

# Created first so the exported PostgreSQL log has a retention.
resource "aws_cloudwatch_log_group" "database" {
  count = local.backoffice

  name              = "/aws/rds/cluster/${var.name_prefix}-backoffice/postgresql"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

resource "aws_rds_cluster" "backoffice" {
  count = local.backoffice

  cluster_identifier                  = "${var.name_prefix}-backoffice"
  engine                              = "aurora-postgresql"
  engine_mode                         = "provisioned"
  engine_version                      = var.backoffice.engine_version
  database_name                       = "backoffice"
  master_username                     = "fairdraw_admin"
  manage_master_user_password         = true
  master_user_secret_kms_key_id       = aws_kms_key.data.arn
  iam_database_authentication_enabled = true
  # The RDS Data API, through which Terraform makes the functions' database roles (below).
  enable_http_endpoint            = true
  db_subnet_group_name            = aws_db_subnet_group.backoffice[0].name
  vpc_security_group_ids          = [aws_security_group.database[0].id]
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.data.arn
  backup_retention_period         = var.production ? 35 : 7
  deletion_protection             = var.production
  skip_final_snapshot             = !var.production
  final_snapshot_identifier       = var.production ? "${var.name_prefix}-backoffice-final" : null
  enabled_cloudwatch_logs_exports = ["postgresql"]

  serverlessv2_scaling_configuration {
    min_capacity = var.backoffice.min_acu
    max_capacity = var.backoffice.max_acu
    # Only used when min_capacity is 0: pause after an idle hour.
    seconds_until_auto_pause = var.backoffice.min_acu == 0 ? 3600 : null
  }

  tags       = var.tags
  depends_on = [aws_cloudwatch_log_group.database]
}

resource "aws_rds_cluster_instance" "backoffice" {
  count = local.backoffice

  identifier         = "${var.name_prefix}-backoffice-1"
  cluster_identifier = aws_rds_cluster.backoffice[0].id
  engine             = aws_rds_cluster.backoffice[0].engine
  engine_version     = aws_rds_cluster.backoffice[0].engine_version
  instance_class     = "db.serverless"
  tags               = var.tags
}

data "aws_iam_policy_document" "proxy_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["rds.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "proxy" {
  count = local.backoffice

  name               = "${var.name_prefix}-db-proxy"
  assume_role_policy = data.aws_iam_policy_document.proxy_assume.json
  tags               = var.tags
}

# End-to-end IAM: the proxy logs in to the database as the function's own role with an IAM token
# of its own, so there is no password to keep and the proxy never uses the master user.
data "aws_iam_policy_document" "proxy" {
  count = local.backoffice

  statement {
    sid       = "ConnectAsTheFunctionsRoles"
    actions   = ["rds-db:connect"]
    resources = [for user in sort(tolist(var.backoffice_database_users)) : "arn:${data.aws_partition.current.partition}:rds-db:${local.region}:${local.account_id}:dbuser:${aws_rds_cluster.backoffice[0].cluster_resource_id}/${user}"]
  }
}

resource "aws_iam_role_policy" "proxy" {
  count = local.backoffice

  name   = "connect-to-database"
  role   = aws_iam_role.proxy[0].id
  policy = data.aws_iam_policy_document.proxy[0].json
}

# Functions connect with IAM tokens through the proxy, which pools connections so a burst of
# Lambda environments does not exhaust the database's, and connects onwards with IAM too
# (default_auth_scheme, AWS provider 6.15 and later): each function is its own database role.
resource "aws_db_proxy" "backoffice" {
  count = local.backoffice

  name                   = "${var.name_prefix}-backoffice"
  engine_family          = "POSTGRESQL"
  role_arn               = aws_iam_role.proxy[0].arn
  vpc_subnet_ids         = aws_subnet.private[*].id
  vpc_security_group_ids = [aws_security_group.proxy[0].id]
  require_tls            = true
  idle_client_timeout    = 1800
  default_auth_scheme    = "IAM_AUTH"

  tags = var.tags
}

resource "aws_db_proxy_default_target_group" "backoffice" {
  count = local.backoffice

  db_proxy_name = aws_db_proxy.backoffice[0].name

  connection_pool_config {
    max_connections_percent = 90
  }
}

resource "aws_db_proxy_target" "backoffice" {
  count = local.backoffice

  db_proxy_name         = aws_db_proxy.backoffice[0].name
  target_group_name     = aws_db_proxy_default_target_group.backoffice[0].name
  db_cluster_identifier = aws_rds_cluster.backoffice[0].cluster_identifier
}

# The functions' database roles (backoffice-store's db/roles.sql): the projector owns the schema,
# the API reads and writes rows and may delete only a player's personal record. Made by the master
# user through the RDS Data API when the cluster is new and whenever the script changes; running
# it again changes nothing. Needs the AWS CLI where Terraform runs (docs/deploy.md). A paused
# cluster (min_acu 0) answers DatabaseResumingException until it is up: retried for five minutes.
resource "terraform_data" "backoffice_roles" {
  count = local.backoffice

  triggers_replace = [aws_rds_cluster.backoffice[0].arn, filesha256(local.roles_script)]

  provisioner "local-exec" {
    interpreter = ["/bin/bash", "-c"]
    command     = <<-EOT
      set -euo pipefail
      for attempt in $(seq 1 10); do
        if aws rds-data execute-statement --region "$REGION" --resource-arn "$CLUSTER" --secret-arn "$SECRET" \
          --database "$DATABASE" --sql "file://$SCRIPT" > /dev/null; then
          exit 0
        fi
        sleep 30
      done
      echo "the back office's database roles could not be made" >&2
      exit 1
    EOT
    environment = {
      REGION   = local.region
      CLUSTER  = aws_rds_cluster.backoffice[0].arn
      SECRET   = aws_rds_cluster.backoffice[0].master_user_secret[0].secret_arn
      DATABASE = aws_rds_cluster.backoffice[0].database_name
      SCRIPT   = abspath(local.roles_script)
    }
  }

  depends_on = [aws_rds_cluster_instance.backoffice]
}

# Wraps each player's data key in the reporting store (docs/backoffice.md): destroying a player's
# data key erases their personal data; this key stays. Ephemeral and written write-only to
# Secrets Manager, where the back-office functions read it at start: never in the state.
ephemeral "random_password" "backoffice_key_encryption_key" {
  count = local.backoffice

  length  = 32
  special = false
}

resource "aws_secretsmanager_secret" "backoffice_key_encryption_key" {
  count = local.backoffice

  name        = "${var.name_prefix}/backoffice/key-encryption-key"
  description = "Wraps the per-player data keys of the back office's personal data ({\"fairdraw.backoffice.key-encryption-key\": Base64 of 32 bytes})."
  kms_key_id  = aws_kms_key.data.arn
  tags        = var.tags
}

resource "aws_secretsmanager_secret_version" "backoffice_key_encryption_key" {
  count = local.backoffice

  secret_id                = aws_secretsmanager_secret.backoffice_key_encryption_key[0].id
  secret_string_wo         = jsonencode({ "fairdraw.backoffice.key-encryption-key" = base64encode(ephemeral.random_password.backoffice_key_encryption_key[0].result) })
  secret_string_wo_version = 1
}
