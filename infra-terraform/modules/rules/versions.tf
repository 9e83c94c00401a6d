terraform {
  # Only Terraform's built-in terraform_data: these rules are evaluated by `terraform plan` with no
  # provider at all, which is how CI checks them where no provider can be downloaded.
  required_version = ">= 1.11"
}
