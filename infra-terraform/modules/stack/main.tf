# One Fairdraw environment. Functions, routes, the authorizer, schedules, pipes, event rules
# and queues all come from topology.json; this file only wires the modules together.
locals {
  topology  = jsondecode(file(var.topology_path))
  functions = local.topology.functions
  stream_consumers = {
    for c in try(local.topology.streamConsumers, []) : "${c.function}-${c.table}" => c
  }
  native = var.lambda_runtime == "provided.al2023"

  # Functions the scheduler invokes asynchronously: their failed invocations go to a queue.
  scheduled_functions = toset([for s in local.topology.schedules : s.function])

  # The queues each function consumes: its role may receive and delete their messages.
  consumed_queues = {
    for name in keys(local.functions) : name => [for q in local.topology.queues : q.name if q.function == name]
  }

  # Functions whose role reads or writes an encrypted queue: they consume one, Lambda sends their
  # failed asynchronous invocations or abandoned stream batches to one, or they send to one.
  queue_key_users = toset([
    for name in keys(local.functions) : name
    if length(local.consumed_queues[name]) > 0 || contains(local.scheduled_functions, name)
    || contains([for c in values(local.stream_consumers) : c.function], name)
    || anytrue([for s in lookup(local.function_statements, name, []) : contains(s.actions, "sqs:SendMessage")])
    || length(local.queue_send_statements[name]) > 0
  ])
}

# The topology's own rules (queue visibility against its consumer's timeout, ...), checked first.
module "rules" {
  source = "../rules"

  topology = local.topology
}

module "function" {
  source   = "../function"
  for_each = local.topology.functions

  name                 = each.key
  name_prefix          = var.name_prefix
  description          = each.value.description
  zip_path             = local.native ? "${var.dist_dir}/${each.key}-${var.lambda_architecture}.zip" : "${var.dist_dir}/${each.key}-jvm.zip"
  runtime              = var.lambda_runtime
  architecture         = var.lambda_architecture
  handler              = each.value.handler
  memory_mb            = each.value.memoryMb
  timeout_seconds      = each.value.timeoutSeconds
  reserved_concurrency = try(each.value.reservedConcurrency, null)
  log_retention_days   = var.log_retention_days

  table_access = {
    for table, access in each.value.tables : table => {
      access     = access
      table_arn  = module.table[table].table_arn
      index_arns = module.table[table].index_arns
    }
  }
  table_actions           = local.topology.tableAccess
  table_kms_key_arn       = module.data.data_key_arn
  environment_kms_key_arn = module.data.data_key_arn

  environment = merge(
    { for table in keys(each.value.tables) : "FAIRDRAW_TABLES_${upper(replace(table, "-", "_"))}" => module.table[table].table_name },
    lookup(local.function_settings, each.key, {}),
    length(local.function_secret_arns[each.key]) == 0 ? {} : { FAIRDRAW_CONFIG_SECRETS = join(",", local.function_secret_arns[each.key]) },
  )

  extra_statements = concat(
    lookup(local.function_statements, each.key, []),
    local.function_secret_statements[each.key],
    local.queue_send_statements[each.key],
    length(local.consumed_queues[each.key]) == 0 ? [] : [{
      sid        = "ConsumeOwnQueues"
      actions    = ["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"]
      resources  = [for q in local.consumed_queues[each.key] : module.events.queue_arns[q]]
      conditions = []
    }],
    contains(local.queue_key_users, each.key) ? [{
      sid        = "UseQueueKeyThroughSqs"
      actions    = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources  = [module.data.data_key_arn]
      conditions = [{ test = "StringEquals", variable = "kms:ViaService", values = ["sqs.${data.aws_region.current.region}.amazonaws.com"] }]
    }] : [],
  )

  # A function that serves HTTP checks tokens against Cognito's key set: it may also go out to
  # HTTPS through the NAT gateway; the others stay on the VPC's endpoints.
  vpc = try(each.value.database, null) == "backoffice" ? {
    subnet_ids = try(local.database.subnet_ids, [])
    security_group_ids = concat(try(local.database.security_group_ids, []),
    each.value.kind == "http" ? compact([try(local.database.internet_security_group_id, "")]) : [])
  } : null
  stream_arns = distinct([for c in values(local.stream_consumers) : module.table[c.table].table_stream_arn if c.function == each.key])

  on_failure_destination_arn = contains(local.scheduled_functions, each.key) ? module.events.async_failure_queue_arn : null
  tags                       = var.tags
}

module "api" {
  source = "../api"

  name_prefix = var.name_prefix
  routes      = local.topology.routes
  authorizer  = local.topology.authorizer
  functions = {
    for name, f in module.function : name => {
      function_name    = f.function_name
      alias_name       = f.alias_name
      alias_invoke_arn = f.alias_invoke_arn
    }
  }
  domain_name        = var.domain_name
  hosted_zone_id     = var.hosted_zone_id
  throttling         = var.api_throttling
  log_retention_days = var.log_retention_days
  tags               = var.tags
}

module "scheduler" {
  source = "../scheduler"

  name_prefix = var.name_prefix
  schedules   = local.topology.schedules
  targets     = { for name, f in module.function : name => { alias_arn = f.alias_arn } }
  enabled     = var.schedules_enabled
  tags        = var.tags

  messages_kms_key_arn = module.data.data_key_arn
}

module "events" {
  source = "../events"

  name_prefix = var.name_prefix
  pipes = [
    for p in local.topology.pipes : {
      name           = p.name
      table          = p.table
      source         = p.source
      detail_type    = p.detailType
      filter_pattern = jsonencode(p.filter)
      input_template = p.inputTemplate
    }
  ]
  table_streams      = { for name, t in module.table : name => t.table_stream_arn if local.tables[name].stream }
  table_kms_key_arn  = module.data.data_key_arn
  event_rules        = local.topology.eventRules
  queues             = local.topology.queues
  consumers          = { for name, f in module.function : name => { alias_arn = f.alias_arn, timeout_seconds = local.functions[name].timeoutSeconds } }
  log_retention_days = var.log_retention_days
  tags               = var.tags

  messages_kms_key_arn = module.data.data_key_arn
}

module "identity" {
  source = "../identity"

  name_prefix                 = var.name_prefix
  api_identifier              = "https://${var.domain_name}"
  domain_prefix               = var.identity.domain_prefix
  web_callback_urls           = var.identity.web_callback_urls
  web_logout_urls             = var.identity.web_logout_urls
  back_office_callback_urls   = var.identity.back_office_callback_urls
  back_office_logout_urls     = var.identity.back_office_logout_urls
  deletion_protection_enabled = var.production
  tags                        = var.tags
}

module "edge" {
  source = "../edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix         = var.name_prefix
  domain_name         = var.domain_name
  hosted_zone_id      = var.hosted_zone_id
  origin_domain_name  = module.api.origin_domain_name
  allowed_countries   = var.allowed_countries
  waf                 = var.waf
  secrets_kms_key_arn = module.data.data_key_arn
  production          = var.production
  log_retention_days  = var.log_retention_days
  tags                = var.tags
}

module "data" {
  source = "../data"

  name_prefix            = var.name_prefix
  production             = var.production
  draw_function_role_arn = module.function["draw"].role_arn
  key_administrator_arns = var.key_administrator_arns
  payment_providers      = var.payment_providers
  audit_retention_days   = var.audit_retention_days
  backup = {
    schedule       = var.backup.schedule
    retention_days = var.backup.retention_days
    resource_arns  = [for t in module.table : t.table_arn]
  }
  backoffice_enabled = var.backoffice_enabled
  # Each back office function's own database role (topology.json), never the master user.
  backoffice_database_users = toset([for f in local.functions : f.databaseUser if try(f.database, null) == "backoffice"])
  log_retention_days        = var.log_retention_days
  tags                      = var.tags
}

module "observability" {
  source = "../observability"

  name_prefix           = var.name_prefix
  function_names        = { for name, f in module.function : name => f.function_name }
  dlq_names             = merge(module.events.dlq_names, { schedules = module.scheduler.dlq_name })
  settlement_queue_name = module.events.queue_names["payout-settlements"]
  api_id                = module.api.api_id
  alarm_email           = var.alarm_email
  kms_key_arn           = module.data.data_key_arn
  tags                  = var.tags
}

# The back-office functions are in topology.json like every other; without the back office's
# database they are deployed but cannot answer.
check "backoffice_database" {
  assert {
    condition     = var.backoffice_enabled
    error_message = "backoffice_enabled is false: backoffice-api and backoffice-projector are deployed without their database and will fail."
  }
}
