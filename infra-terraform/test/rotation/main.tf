# A root module with no provider around modules/rotation, evaluated at chosen times so that CI can
# check the slots' overlap where no provider can be downloaded (test/terraform.test.mjs).
terraform {
  required_version = ">= 1.11"
}

variable "times" {
  description = "The timestamps to evaluate the rotation at."
  type        = list(string)
}

variable "period_days" {
  description = "Days between two rotations."
  type        = number
}

module "at" {
  source   = "../../modules/rotation"
  for_each = toset(var.times)

  now         = each.value
  period_days = var.period_days
}

output "rotation" {
  description = "The rotation at each time."
  value = { for time, m in module.at : time => {
    days        = m.days
    period      = m.period
    generations = m.generations
    newest      = m.newest
    previous    = m.previous
  } }
}
