# The back office's network: a VPC whose private subnets hold the database, the proxy and the
# two back-office functions. They reach AWS APIs through VPC endpoints (interface endpoints for
# Secrets Manager, KMS, logs and STS; gateway endpoints for DynamoDB and S3); only the functions
# that serve HTTP may also go out, on HTTPS, through one NAT gateway, to Cognito's key set. The
# draw, wallet and payout functions stay outside the VPC: drand relays and payment providers are
# on the internet (docs/deploy.md, costs). The vpcReach policy check holds each function's reach
# to what it calls.
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
