# Two-slot rotation with overlap, from a timestamp alone: no provider, no state.
#
# Time is cut into periods of period_days days counted from 1970-01-01 (UTC). Slot "a" takes a
# new generation at the start of every even period, slot "b" at the start of every odd one, so at
# any time one slot holds the value made at the start of this period (the newest) and the other
# the one made a period earlier (the previous). A consumer that accepts both never refuses a
# sender that is one rotation behind, such as a CloudFront edge the new header has not reached.
#
# The day count is Howard Hinnant's days_from_civil
# (https://howardhinnant.github.io/date_algorithms.html#days_from_civil): Terraform has no function
# that turns a timestamp into a number.
terraform {
  required_version = ">= 1.11"
}

locals {
  year  = tonumber(formatdate("YYYY", var.now))
  month = tonumber(formatdate("M", var.now))
  day   = tonumber(formatdate("D", var.now))

  # The year as counted from March, so that the leap day ends it.
  march_year   = local.month <= 2 ? local.year - 1 : local.year
  era          = floor(local.march_year / 400)
  year_of_era  = local.march_year - local.era * 400
  day_of_year  = floor((153 * (local.month > 2 ? local.month - 3 : local.month + 9) + 2) / 5) + local.day - 1
  day_of_era   = local.year_of_era * 365 + floor(local.year_of_era / 4) - floor(local.year_of_era / 100) + local.day_of_year
  days_in_unix = local.era * 146097 + local.day_of_era - 719468

  period = floor(local.days_in_unix / var.period_days)
}
