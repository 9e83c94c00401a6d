provider "aws" {
  region = var.region

  default_tags {
    tags = { Project = "fairdraw", Environment = "prod" }
  }
}

# CloudFront's certificate and web ACL must be in us-east-1.
provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"

  default_tags {
    tags = { Project = "fairdraw", Environment = "prod" }
  }
}

module "stack" {
  source = "../../modules/stack"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix            = "fairdraw-prod"
  production             = true
  topology_path          = "${path.module}/../../topology.json"
  dist_dir               = "${path.module}/../../../native-build/dist"
  lambda_runtime         = var.lambda_runtime
  lambda_architecture    = var.lambda_architecture
  domain_name            = var.domain_name
  hosted_zone_id         = var.hosted_zone_id
  allowed_countries      = var.allowed_countries
  waf                    = var.waf
  api_throttling         = var.api_throttling
  log_retention_days     = 365
  key_administrator_arns = var.key_administrator_arns
  payment_providers      = var.payment_providers
  payments_return_url    = var.payments_return_url
  drand                  = var.drand
  schedules_enabled      = var.schedules_enabled
  identity               = var.identity
  audit_retention_days   = var.audit_retention_days
  backup                 = var.backup
  backoffice_enabled     = var.backoffice_enabled
  alarm_email            = var.alarm_email
}
