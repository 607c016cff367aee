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

resource "spectrocloud_registry_oci" "ecr_sts" {
  # A system-level registry in Pack Registry Desk: the provider manages tenant-level
  # registries only, so this creates it in the tenant of the API key.
  name               = "ecr-sts"
  type               = "ecr"
  endpoint           = "123456789012.dkr.ecr.us-east-1.amazonaws.com"
  is_private         = true
  provider_type      = "pack"
  is_synchronization = true
  base_content_path  = "production"

  credentials {
    credential_type = "sts"
    arn             = "arn:aws:iam::123456789012:role/palette-ecr"
    external_id     = "palette-tenant-ext-id"

    tls_config {
      insecure_skip_verify = false
    }
  }
}
