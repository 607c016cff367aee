# Pack Registry Desk: 1 OCI pack registry as resources of the Spectro Cloud
# provider (spectrocloud_registry_oci). Exported 2025-06-01T12:00:00.000Z.
# Secrets are not in this file: give the sensitive variables values, e.g. with
# TF_VAR_<name> or a *.tfvars file kept out of version control.

terraform {
  required_providers {
    spectrocloud = {
      source = "spectrocloud/spectrocloud"
    }
  }
}

variable "palette_host" {
  description = "Palette host name, e.g. palette.example.com"
  type        = string
  sensitive   = true
}

variable "palette_api_key" {
  description = "API key of the tenant that gets the registries"
  type        = string
  sensitive   = true
}

provider "spectrocloud" {
  host    = var.palette_host
  api_key = var.palette_api_key
}

variable "ecr_keys_secret_key" {
  description = "AWS secret access key of OCI registry \"ecr-keys\" (tenant scope)"
  type        = string
  sensitive   = true
}

resource "spectrocloud_registry_oci" "ecr_keys" {
  name               = "ecr-keys"
  type               = "ecr"
  endpoint           = "123456789012.dkr.ecr.eu-west-1.amazonaws.com"
  is_private         = true
  provider_type      = "pack"
  is_synchronization = true
  base_content_path  = "production"

  credentials {
    credential_type = "secret"
    access_key      = "AKIAIOSFODNN7EXAMPLE"
    secret_key      = var.ecr_keys_secret_key

    tls_config {
      insecure_skip_verify = false
    }
  }
}
