# The back office's reporting store: Aurora PostgreSQL Serverless v2 behind RDS Proxy, in
# private subnets with no route to the internet. What runs here (backoffice-projector,
# backoffice-api) reaches AWS APIs through VPC endpoints; the draw, wallet and payout
# functions stay outside the VPC because drand relays and payment providers are on the
# internet, which from inside would take a NAT gateway (docs/deploy.md, costs).
locals {
  backoffice = var.backoffice_enabled ? 1 : 0
  azs        = slice(data.aws_availability_zones.available.names, 0, 2)
  # Interface endpoints the projector and the back office API need; DynamoDB and S3 use free gateway endpoints.
  interface_endpoints = var.backoffice_enabled ? toset(["secretsmanager", "kms", "logs", "sts"]) : toset([])
  # The functions' database roles, the same script local-cloud runs on its PostgreSQL.
  roles_script = "${path.module}/../../../functions/backoffice-store/src/main/resources/db/roles.sql"
}

data "aws_availability_zones" "available" {
  state = "available"
}

resource "aws_vpc" "backoffice" {
  count = local.backoffice

  cidr_block           = var.backoffice.vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags                 = merge(var.tags, { Name = "${var.name_prefix}-backoffice" })
}

resource "aws_subnet" "private" {
  count = var.backoffice_enabled ? length(local.azs) : 0

  vpc_id            = aws_vpc.backoffice[0].id
  availability_zone = local.azs[count.index]
  cidr_block        = cidrsubnet(var.backoffice.vpc_cidr, 4, count.index)
  tags              = merge(var.tags, { Name = "${var.name_prefix}-private-${local.azs[count.index]}" })
}

resource "aws_route_table" "private" {
  count = local.backoffice

  vpc_id = aws_vpc.backoffice[0].id
  tags   = merge(var.tags, { Name = "${var.name_prefix}-private" })
}

resource "aws_route_table_association" "private" {
  count = var.backoffice_enabled ? length(local.azs) : 0

  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private[0].id
}

resource "aws_security_group" "backoffice_functions" {
  count = local.backoffice

  name        = "${var.name_prefix}-backoffice-functions"
  description = "Back office functions: out to the proxy and the VPC endpoints only."
  vpc_id      = aws_vpc.backoffice[0].id
  tags        = var.tags
}

resource "aws_security_group" "proxy" {
  count = local.backoffice

  name        = "${var.name_prefix}-db-proxy"
  description = "RDS Proxy: PostgreSQL from the back office functions."
  vpc_id      = aws_vpc.backoffice[0].id
  tags        = var.tags
}

resource "aws_security_group" "database" {
  count = local.backoffice

  name        = "${var.name_prefix}-db"
  description = "Aurora: PostgreSQL from the proxy only."
  vpc_id      = aws_vpc.backoffice[0].id
  tags        = var.tags
}

resource "aws_security_group" "endpoints" {
  count = local.backoffice

  name        = "${var.name_prefix}-endpoints"
  description = "Interface endpoints: HTTPS from inside the VPC."
  vpc_id      = aws_vpc.backoffice[0].id
  tags        = var.tags
}

resource "aws_vpc_security_group_ingress_rule" "proxy_from_functions" {
  count = local.backoffice

  security_group_id            = aws_security_group.proxy[0].id
  referenced_security_group_id = aws_security_group.backoffice_functions[0].id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}

resource "aws_vpc_security_group_ingress_rule" "database_from_proxy" {
  count = local.backoffice

  security_group_id            = aws_security_group.database[0].id
  referenced_security_group_id = aws_security_group.proxy[0].id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}

resource "aws_vpc_security_group_egress_rule" "proxy_to_database" {
  count = local.backoffice

  security_group_id            = aws_security_group.proxy[0].id
  referenced_security_group_id = aws_security_group.database[0].id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}

resource "aws_vpc_security_group_egress_rule" "functions_to_proxy" {
  count = local.backoffice

  security_group_id            = aws_security_group.backoffice_functions[0].id
  referenced_security_group_id = aws_security_group.proxy[0].id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}

resource "aws_vpc_security_group_egress_rule" "functions_to_endpoints" {
  count = local.backoffice

  security_group_id = aws_security_group.backoffice_functions[0].id
  cidr_ipv4         = var.backoffice.vpc_cidr
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

# DynamoDB and S3 are reached through gateway endpoints, whose traffic goes to the services'
# public addresses (the prefix lists), not to the VPC: without these rules the security group
# drops it, and the back office API's corrections and reviews (DynamoDB) would time out.
resource "aws_vpc_security_group_egress_rule" "functions_to_gateway_endpoints" {
  for_each = aws_vpc_endpoint.gateway

  security_group_id = aws_security_group.backoffice_functions[0].id
  prefix_list_id    = each.value.prefix_list_id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

# The back office API checks operators' and auditors' tokens against Cognito's key set, which
# no VPC endpoint serves for a user pool with a domain (AWS PrivateLink for Cognito excludes
# pools with a domain): it goes out through one NAT gateway. Only functions given this group
# (those that serve HTTP) may leave the VPC, on HTTPS only.
resource "aws_security_group" "backoffice_internet" {
  count = local.backoffice

  name        = "${var.name_prefix}-backoffice-internet"
  description = "Back office functions that serve HTTP: out to HTTPS through the NAT gateway (Cognito's key set)."
  vpc_id      = aws_vpc.backoffice[0].id
  tags        = var.tags
}

resource "aws_vpc_security_group_egress_rule" "internet_https" {
  count = local.backoffice

  security_group_id = aws_security_group.backoffice_internet[0].id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_subnet" "public" {
  count = local.backoffice

  vpc_id            = aws_vpc.backoffice[0].id
  availability_zone = local.azs[0]
  cidr_block        = cidrsubnet(var.backoffice.vpc_cidr, 4, 15)
  tags              = merge(var.tags, { Name = "${var.name_prefix}-public-${local.azs[0]}" })
}

resource "aws_internet_gateway" "backoffice" {
  count = local.backoffice

  vpc_id = aws_vpc.backoffice[0].id
  tags   = merge(var.tags, { Name = "${var.name_prefix}-backoffice" })
}

resource "aws_route_table" "public" {
  count = local.backoffice

  vpc_id = aws_vpc.backoffice[0].id
  tags   = merge(var.tags, { Name = "${var.name_prefix}-public" })
}

resource "aws_route" "public_to_internet" {
  count = local.backoffice

  route_table_id         = aws_route_table.public[0].id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.backoffice[0].id
}

resource "aws_route_table_association" "public" {
  count = local.backoffice

  subnet_id      = aws_subnet.public[0].id
  route_table_id = aws_route_table.public[0].id
}

resource "aws_eip" "nat" {
  count = local.backoffice

  domain = "vpc"
  tags   = merge(var.tags, { Name = "${var.name_prefix}-nat" })
}

# One NAT gateway ($0.045 an hour, docs/deploy.md): if its zone fails, sign-in checks of the back
# office wait for it; the database and the reports are in both zones.
resource "aws_nat_gateway" "backoffice" {
  count = local.backoffice

  allocation_id = aws_eip.nat[0].id
  subnet_id     = aws_subnet.public[0].id
  tags          = merge(var.tags, { Name = "${var.name_prefix}-backoffice" })
  depends_on    = [aws_internet_gateway.backoffice]
}

resource "aws_route" "private_to_nat" {
  count = local.backoffice

  route_table_id         = aws_route_table.private[0].id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.backoffice[0].id
}

resource "aws_vpc_security_group_ingress_rule" "endpoints_from_vpc" {
  count = local.backoffice

  security_group_id = aws_security_group.endpoints[0].id
  cidr_ipv4         = var.backoffice.vpc_cidr
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_vpc_endpoint" "interface" {
  for_each = local.interface_endpoints

  vpc_id              = aws_vpc.backoffice[0].id
  service_name        = "com.amazonaws.${local.region}.${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = aws_subnet.private[*].id
  security_group_ids  = [aws_security_group.endpoints[0].id]
  private_dns_enabled = true
  tags                = merge(var.tags, { Name = "${var.name_prefix}-${each.key}" })
}

resource "aws_vpc_endpoint" "gateway" {
  for_each = var.backoffice_enabled ? toset(["dynamodb", "s3"]) : toset([])

  vpc_id            = aws_vpc.backoffice[0].id
  service_name      = "com.amazonaws.${local.region}.${each.key}"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [aws_route_table.private[0].id]
  tags              = merge(var.tags, { Name = "${var.name_prefix}-${each.key}" })
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
