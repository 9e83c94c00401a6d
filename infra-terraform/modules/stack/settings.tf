# What each function is told through its environment, beyond its table names. Property names
# are the functions' own (application.properties), upper-cased with . and - as _.
data "aws_region" "current" {}

locals {
  # No secret is an environment variable: each function is told which secrets to read from
  # Secrets Manager at start (FAIRDRAW_CONFIG_SECRETS, platform SecretsConfigSourceFactory), the
  # roles topology.json names for it, and may read exactly those (function_secret_statements).
  secret_arns_by_role = {
    "edge-origin"               = [module.edge.origin_secret_arn]
    "payment-providers"         = [for p in var.payment_providers : module.data.provider_secret_arns[p]]
    "screening-key"             = [module.data.screening_key_secret_arn]
    "backoffice-key-encryption" = compact([module.data.backoffice_key_encryption_key_secret_arn])
  }
  function_secret_arns = {
    for name, f in local.functions : name => flatten([for role in f.secrets : local.secret_arns_by_role[role]])
  }

  payments = {
    FAIRDRAW_PAYMENTS_ENABLED = join(",", var.payment_providers)
  }

  # Which user pools a function trusts (platform IdentitySettings and PoolRoles). A players'-pool
  # token is a player whatever groups it names, so a player who signed up needs no group; operator
  # and auditor come only from the staff pool's groups. Tokens are Cognito access tokens: the app
  # client in client_id (no aud), the pool's scope, token_use "access" (the functions' defaults).
  players_pool = {
    FAIRDRAW_IDENTITY_PLAYERS_ISSUER  = module.identity.issuer
    FAIRDRAW_IDENTITY_PLAYERS_CLIENTS = join(",", module.identity.player_client_ids)
    FAIRDRAW_IDENTITY_PLAYERS_SCOPE   = module.identity.player_scope
  }
  staff_pool = {
    FAIRDRAW_IDENTITY_STAFF_ISSUER  = module.identity.staff_issuer
    FAIRDRAW_IDENTITY_STAFF_CLIENTS = module.identity.back_office_client_id
    FAIRDRAW_IDENTITY_STAFF_SCOPE   = module.identity.staff_scope
  }

  # quarkus-oidc verifies each token against the pool its iss names: the default tenant is the
  # pool a function mainly serves, and a function with player and staff routes has the staff pool
  # as its "staff" tenant too (quarkus.oidc.resolve-tenants-with-issuer, set by the platform).
  players_http = merge(local.players_pool, {
    QUARKUS_OIDC_AUTH_SERVER_URL = module.identity.issuer
  })
  players_and_staff_http = merge(local.players_http, local.staff_pool, {
    QUARKUS_OIDC_STAFF_AUTH_SERVER_URL = module.identity.staff_issuer
  })
  # The back office serves staff only: a players'-pool token is refused by its issuer whatever groups it carries.
  staff_http = merge(local.staff_pool, {
    QUARKUS_OIDC_AUTH_SERVER_URL = module.identity.staff_issuer
  })

  # The back office's database through its RDS Proxy: TLS, and an IAM token for a password that
  # the functions make for each connection (backoffice-store's RdsIamCredentials; docs/backoffice.md).
  # Each function logs in as its own database role (topology.json's databaseUser; db/roles.sql).
  database = module.data.backoffice_database
  database_settings = local.database == null ? {} : {
    for name, f in local.functions : name => {
      QUARKUS_DATASOURCE_REACTIVE_URL                 = "postgresql://${local.database.proxy_endpoint}:5432/${local.database.database_name}"
      QUARKUS_DATASOURCE_USERNAME                     = f.databaseUser
      QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE = "require"
      QUARKUS_DATASOURCE_CREDENTIALS_PROVIDER         = "rds-iam"
      QUARKUS_DATASOURCE_CREDENTIALS_PROVIDER_NAME    = "rds-iam"
    } if try(f.database, null) == "backoffice"
  }
  database_connect = {
    for name, settings in local.database_settings : name => {
      sid        = "ConnectToBackOfficeDatabase"
      actions    = ["rds-db:connect"]
      resources  = ["${local.database.connect_arn_prefix}/${settings.QUARKUS_DATASOURCE_USERNAME}"]
      conditions = []
    }
  }

  function_settings = {
    "backoffice-api"       = merge(local.staff_http, lookup(local.database_settings, "backoffice-api", {}))
    "backoffice-projector" = lookup(local.database_settings, "backoffice-projector", {})
    registration           = local.players_and_staff_http
    betting                = local.players_and_staff_http
    wallet = merge(local.players_http, local.payments, {
      FAIRDRAW_PAYMENTS_RETURN_URL = var.payments_return_url
    })
    # The authorizer guards player routes, two of which also admit staff (a ticket, a draw's
    # proof): both pools, their keys fetched by jose4j.
    compliance = merge(local.players_pool, local.staff_pool, {
      FAIRDRAW_IDENTITY_PLAYERS_JWKS_URL = module.identity.jwks_url
      FAIRDRAW_IDENTITY_STAFF_JWKS_URL   = module.identity.staff_jwks_url
    })
    draw = {
      FAIRDRAW_DRAW_SECRETS          = "kms"
      FAIRDRAW_DRAW_KMS_KEY_ID       = module.data.seeds_key_arn
      FAIRDRAW_DRAW_BEACON           = "drand"
      FAIRDRAW_DRAW_DRAND_CHAIN_HASH = var.drand.chain_hash
      FAIRDRAW_DRAW_DRAND_URLS       = join(",", var.drand.urls)
    }
    payout = merge(local.payments, {
      FAIRDRAW_PAYOUT_PARTS_QUEUE_URL = module.events.queue_urls["payout-settlements"]
    })
  }

  # Each function reads its own secrets, decrypted with the data key through Secrets Manager only.
  function_secret_statements = {
    for name, arns in local.function_secret_arns : name => length(arns) == 0 ? [] : [
      {
        sid        = "ReadOwnSecrets"
        actions    = ["secretsmanager:GetSecretValue"]
        resources  = arns
        conditions = []
      },
      {
        sid       = "DecryptOwnSecrets"
        actions   = ["kms:Decrypt"]
        resources = [module.data.data_key_arn]
        conditions = [{
          test     = "StringEquals"
          variable = "kms:ViaService"
          values   = ["secretsmanager.${data.aws_region.current.region}.amazonaws.com"]
        }]
      },
    ]
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
    "backoffice-api" = local.database == null ? [] : [local.database_connect["backoffice-api"]]
    "backoffice-projector" = local.database == null ? [] : [
      local.database_connect["backoffice-projector"],
      {
        # Batches the stream mappings give up on are recorded here (on-failure destination).
        sid        = "RecordAbandonedStreamBatches"
        actions    = ["sqs:SendMessage"]
        resources  = [module.events.async_failure_queue_arn]
        conditions = []
      },
    ]
  }

  # Each function may send to exactly the queues topology.json names it a sender of.
  queue_send_statements = {
    for name in keys(local.functions) : name => [
      for q in local.topology.queues : {
        sid        = "SendTo${replace(title(replace(q.name, "-", " ")), " ", "")}"
        actions    = ["sqs:SendMessage"]
        resources  = [module.events.queue_arns[q.name]]
        conditions = []
      } if contains(try(q.senders, []), name)
    ]
  }
}
