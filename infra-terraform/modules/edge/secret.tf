# The secret CloudFront adds to every origin request, which the authorizer and every HTTP function
# require. It rotates with overlap: two values live in two slots (modules/rotation), one replaced
# at the start of each period of origin_secret_rotation_days. CloudFront sends the newest; the
# secret holds the newest and the one before ({"fairdraw.edge.origin-secret": ...,
# "fairdraw.edge.origin-secret-previous": ...}), and the functions accept both, so an edge the new
# header has not reached yet is never refused. A function that meets a value it does not know
# reads the secret again, at most once a minute (OriginGuard), so environments started before the
# rotation take it up without a restart. The period counts from the plan's time: an apply at
# least once a period keeps the overlap (two periods without one replace both slots at once;
# docs/operations.md). CloudFront's origin header is plain configuration, so these values are in
# the state (docs/deploy.md, what the state holds).
module "origin_secret_rotation" {
  source = "../rotation"

  now         = plantimestamp()
  period_days = var.origin_secret_rotation_days
}

resource "random_password" "origin_secret" {
  for_each = toset(["a", "b"])

  length  = 48
  special = false

  keepers = {
    generation = module.origin_secret_rotation.generations[each.key]
  }
}

locals {
  origin_secret          = random_password.origin_secret[module.origin_secret_rotation.newest].result
  origin_secret_previous = random_password.origin_secret[module.origin_secret_rotation.previous].result
}

resource "aws_secretsmanager_secret" "origin_secret" {
  name        = "${var.name_prefix}/edge/origin-secret"
  description = "Values of x-fairdraw-origin-secret: the one CloudFront adds and the one before, both accepted by the authorizer and every HTTP function."
  kms_key_id  = var.secrets_kms_key_arn
  tags        = var.tags
}

resource "aws_secretsmanager_secret_version" "origin_secret" {
  secret_id = aws_secretsmanager_secret.origin_secret.id
  secret_string = jsonencode({
    "fairdraw.edge.origin-secret"          = local.origin_secret
    "fairdraw.edge.origin-secret-previous" = local.origin_secret_previous
  })
}
