output "days" {
  description = "Days from 1970-01-01 to now (UTC)."
  value       = local.days_in_unix
}

output "period" {
  description = "The number of the period now is in."
  value       = local.period
}

output "generations" {
  description = "The generation of each slot: a keeper that changes when the slot takes a new value."
  value = {
    a = tostring(floor(local.period / 2))
    b = tostring(floor((local.period + 1) / 2))
  }
}

output "newest" {
  description = "The slot that took a new value at the start of this period; the other holds the previous."
  value       = local.period % 2 == 0 ? "a" : "b"
}

output "previous" {
  description = "The slot holding the value of the period before."
  value       = local.period % 2 == 0 ? "b" : "a"
}
