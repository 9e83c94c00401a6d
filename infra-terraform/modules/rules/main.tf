# Rules the topology must keep, checked at plan time with nothing but Terraform itself. The stack
# uses this module, so `terraform plan` of an environment stops on a broken rule before any AWS
# call; CI plans a harness around it (test/rules) with no provider at all.

locals {
  queues = { for q in var.topology.queues : q.name => q }
}

# AWS refuses an SQS event source whose visibility timeout is shorter than the function's timeout,
# and recommends six times the timeout, so that a batch retried after Lambda throttled the
# function is not delivered again while still being handled (Lambda developer guide, "Using
# Lambda with Amazon SQS", configuring a queue). Fairdraw adopts the six times.
resource "terraform_data" "queue_visibility" {
  for_each = local.queues

  input = each.value.visibilityTimeoutSeconds

  lifecycle {
    precondition {
      condition     = contains(keys(var.topology.functions), each.value.function)
      error_message = "${each.key}: its consumer ${each.value.function} is not a function of the topology."
    }
    precondition {
      condition     = each.value.visibilityTimeoutSeconds >= 6 * try(var.topology.functions[each.value.function].timeoutSeconds, 0)
      error_message = "${each.key}: the visibility timeout (${each.value.visibilityTimeoutSeconds} s) is less than six times ${each.value.function}'s timeout (${try(var.topology.functions[each.value.function].timeoutSeconds, 0)} s)."
    }
  }
}
