# What each function is told through its environment, beyond its table names. Property names
# are the functions' own (application.properties), upper-cased with . and - as _.
data "aws_region" "current" {}

# Read at apply time, after an operator has put the provider's settings (docs/deploy.md); the
# values end up in the Lambda environment, encrypted with the data key, and in the state.
data "aws_secretsmanager_secret_version" "provider" {
  for_each   = toset(var.payment_providers)
  secret_id  = module.data.provider_secret_arns[each.key]
  depends_on = [module.data]
}

locals {
  provider_settings = { for p, v in data.aws_secretsmanager_secret_version.provider : p => jsondecode(v.secret_string) }

  payments = { for k, v in {
    FAIRDRAW_PAYMENTS_ENABLED                = join(",", var.payment_providers)
    FAIRDRAW_PAYMENTS_SANDBOX_WEBHOOK_SECRET = try(local.provider_settings["sandbox"].webhookSecret, null)
    FAIRDRAW_PAYMENTS_ADYEN_API_KEY          = try(local.provider_settings["adyen"].apiKey, null)
    FAIRDRAW_PAYMENTS_ADYEN_HMAC_KEY         = try(local.provider_settings["adyen"].hmacKey, null)
    FAIRDRAW_PAYMENTS_ADYEN_MERCHANT_ACCOUNT = try(local.provider_settings["adyen"].merchantAccount, null)
    FAIRDRAW_PAYMENTS_ADYEN_ENVIRONMENT      = try(local.provider_settings["adyen"].environment, null)
    FAIRDRAW_PAYMENTS_ADYEN_LIVE_URL_PREFIX  = try(local.provider_settings["adyen"].livePrefix, null)
  } : k => v if v != null }

  # The secret CloudFront adds to every request: the authorizer and every HTTP function refuse a
  # request without it (platform EdgeOnly), so nothing reaches a route around the edge.
  edge = {
    FAIRDRAW_EDGE_ORIGIN_SECRET = module.edge.origin_secret_value
  }

  # quarkus-oidc in the HTTP functions; Cognito access tokens carry client_id, not aud.
  http_identity = {
    QUARKUS_OIDC_AUTH_SERVER_URL       = module.identity.issuer
    QUARKUS_OIDC_ROLES_ROLE_CLAIM_PATH = "\"cognito:groups\""
    FAIRDRAW_IDENTITY_AUDIENCE_CLAIM   = "client_id"
    FAIRDRAW_IDENTITY_AUDIENCE         = module.identity.api_audience
  }

  # The back office's database through its RDS Proxy: TLS, and an IAM token for a password that
  # the functions make for each connection (backoffice-store's RdsIamCredentials; docs/backoffice.md).
  database = module.data.backoffice_database
  database_settings = local.database == null ? {} : {
    QUARKUS_DATASOURCE_REACTIVE_URL                 = "postgresql://${local.database.proxy_endpoint}:5432/${local.database.database_name}"
    QUARKUS_DATASOURCE_USERNAME                     = local.database.user
    QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE = "require"
    QUARKUS_DATASOURCE_CREDENTIALS_PROVIDER         = "rds-iam"
    QUARKUS_DATASOURCE_CREDENTIALS_PROVIDER_NAME    = "rds-iam"
    FAIRDRAW_BACKOFFICE_KEY_ENCRYPTION_KEY          = module.data.backoffice_key_encryption_key
  }

  # Sanctions screening: registration fingerprints the checked name, payout screens before paying.
  screening = {
    FAIRDRAW_COMPLIANCE_SCREENING_KEY = module.data.screening_key
  }

  function_settings = {
    "backoffice-api"       = merge(local.edge, local.http_identity, local.database_settings)
    "backoffice-projector" = local.database_settings
    registration           = merge(local.edge, local.http_identity, local.screening)
    betting                = merge(local.edge, local.http_identity)
    wallet = merge(local.edge, local.http_identity, local.payments, {
      FAIRDRAW_PAYMENTS_RETURN_URL = var.payments_return_url
    })
    compliance = merge(local.edge, {
      FAIRDRAW_IDENTITY_ISSUER         = module.identity.issuer
      FAIRDRAW_IDENTITY_JWKS_URL       = module.identity.jwks_url
      FAIRDRAW_IDENTITY_AUDIENCE_CLAIM = "client_id"
      FAIRDRAW_IDENTITY_AUDIENCE       = module.identity.api_audience
      FAIRDRAW_IDENTITY_ROLES_CLAIM    = "cognito:groups"
    })
    draw = {
      FAIRDRAW_DRAW_SECRETS          = "kms"
      FAIRDRAW_DRAW_KMS_KEY_ID       = module.data.seeds_key_arn
      FAIRDRAW_DRAW_BEACON           = "drand"
      FAIRDRAW_DRAW_DRAND_CHAIN_HASH = var.drand.chain_hash
      FAIRDRAW_DRAW_DRAND_URLS       = join(",", var.drand.urls)
    }
    payout = merge(local.payments, local.screening, {
      FAIRDRAW_PAYOUT_PARTS_QUEUE_URL = module.events.queue_urls["payout-settlements"]
    })
  }

  function_statements = {
    draw = [
      {
        # GenerateRandom touches no key, so IAM offers no resource to name: "*" is the only
        # form AWS accepts. It is the one KMS action the policy tests allow on "*".
        sid        = "DrawSeedsFromKms"
        actions    = ["kms:GenerateRandom"]
        resources  = ["*"]
        conditions = []
      },
      {
        sid       = "SealSeedsPerDraw"
        actions   = ["kms:Decrypt", "kms:Encrypt"]
        resources = [module.data.seeds_key_arn]
        # ForAllValues alone admits a request with no encryption context: Null requires one.
        conditions = [
          {
            test     = "ForAllValues:StringEquals"
            variable = "kms:EncryptionContextKeys"
            values   = ["drawId"]
          },
          {
            test     = "Null"
            variable = "kms:EncryptionContextKeys"
            values   = ["false"]
          },
        ]
      },
    ]
    "backoffice-api" = local.database == null ? [] : [
      {
        sid        = "ConnectToBackOfficeDatabase"
        actions    = ["rds-db:connect"]
        resources  = [local.database.connect_arn]
        conditions = []
      },
    ]
    "backoffice-projector" = local.database == null ? [] : [
      {
        sid        = "ConnectToBackOfficeDatabase"
        actions    = ["rds-db:connect"]
        resources  = [local.database.connect_arn]
        conditions = []
      },
      {
        # Batches the stream mappings give up on are recorded here (on-failure destination).
        sid        = "RecordAbandonedStreamBatches"
        actions    = ["sqs:SendMessage"]
        resources  = [module.events.async_failure_queue_arn]
        conditions = []
      },
    ]
    payout = [
      {
        sid        = "SendSettlementParts"
        actions    = ["sqs:SendMessage"]
        resources  = [module.events.queue_arns["payout-settlements"]]
        conditions = []
      },
    ]
  }
}
