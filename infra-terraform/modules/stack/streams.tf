# Functions that read table streams directly (topology.json streamConsumers): the back office's
# projector. One mapping per table; each batch is one shard's records in order. The function
# reports the first record it could not apply (partial batch response), so Lambda retries from
# there and an item's changes are never applied out of order; a batch still failing after the
# retries is recorded on the async failure queue and alarmed, since replaying it later is safe.
resource "aws_lambda_event_source_mapping" "stream" {
  for_each = local.stream_consumers

  event_source_arn                   = module.table[each.value.table].table_stream_arn
  function_name                      = module.function[each.value.function].alias_arn
  starting_position                  = "TRIM_HORIZON"
  batch_size                         = each.value.batchSize
  maximum_batching_window_in_seconds = 1
  function_response_types            = ["ReportBatchItemFailures"]
  maximum_retry_attempts             = 100
  maximum_record_age_in_seconds      = -1
  bisect_batch_on_function_error     = false

  destination_config {
    on_failure {
      destination_arn = module.events.async_failure_queue_arn
    }
  }
}
