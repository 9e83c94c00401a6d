terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.15"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.7"
    }
  }

  # Bucket and Region come from backend.hcl (docs/deploy.md); S3 holds the lock file itself.
  backend "s3" {
    key          = "fairdraw/prod/terraform.tfstate"
    encrypt      = true
    use_lockfile = true
  }
}
