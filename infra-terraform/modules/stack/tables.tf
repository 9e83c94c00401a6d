# Every table of the platform, mirroring functions/platform-core/.../dynamo/Table.java value by value
# (logical name, sort key, TTL attribute, stream, indexes). The policy tests compare the two, so
# a table added to the enum and not here, or the other way round, fails the build.
locals {
  tables = {
    players               = { range_key = false, ttl = null, stream = true, indexes = [] }
    idempotency           = { range_key = false, ttl = "expiresAt", stream = false, indexes = [] }
    "limit-counters"      = { range_key = true, ttl = "expiresAt", stream = false, indexes = [] }
    "player-safety"       = { range_key = false, ttl = null, stream = true, indexes = [] }
    "player-history"      = { range_key = true, ttl = null, stream = true, indexes = [] }
    accounts              = { range_key = false, ttl = null, stream = true, indexes = [] }
    postings              = { range_key = true, ttl = null, stream = false, indexes = [] }
    transfers             = { range_key = false, ttl = null, stream = true, indexes = [] }
    deposits              = { range_key = false, ttl = null, stream = true, indexes = [] }
    withdrawals           = { range_key = false, ttl = null, stream = true, indexes = [] }
    "payment-instruments" = { range_key = true, ttl = null, stream = true, indexes = [] }
    draws = {
      range_key = false, ttl = null, stream = true
      indexes   = [{ name = "by-game", hash_key = "gameId", range_key = "drawTime" }]
    }
    "draw-gates" = { range_key = true, ttl = null, stream = false, indexes = [] }
    tickets = {
      range_key = true, ttl = null, stream = true
      indexes   = [{ name = "by-owner", hash_key = "owner", range_key = "ownerSort" }]
    }
    "bet-lines"       = { range_key = true, ttl = null, stream = false, indexes = [] }
    liability         = { range_key = false, ttl = null, stream = true, indexes = [] }
    "seal-trees"      = { range_key = true, ttl = null, stream = false, indexes = [] }
    settlements       = { range_key = true, ttl = null, stream = true, indexes = [] }
    favourites        = { range_key = false, ttl = null, stream = false, indexes = [] }
    "config-versions" = { range_key = true, ttl = null, stream = true, indexes = [] }
  }
}

module "table" {
  source   = "../table"
  for_each = local.tables

  name                        = "${var.name_prefix}-${each.key}"
  range_key_enabled           = each.value.range_key
  indexes                     = each.value.indexes
  stream_enabled              = each.value.stream
  ttl_attribute               = each.value.ttl
  kms_key_arn                 = module.data.data_key_arn
  deletion_protection_enabled = var.production
  tags                        = var.tags
}
