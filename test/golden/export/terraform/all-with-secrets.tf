# Pack Registry Desk: 5 OCI pack registries as resources of the Spectro Cloud
# provider (spectrocloud_registry_oci). Exported 2025-06-01T12:00:00.000Z.
# WARNING: THIS FILE CONTAINS SECRETS, as the defaults of the sensitive variables.
# Keep it out of version control and delete it once applied.

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
  default     = "golden-ecr-credentials-secret"
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

resource "spectrocloud_registry_oci" "harbor_public" {
  # A system-level registry in Pack Registry Desk: the provider manages tenant-level
  # registries only, so this creates it in the tenant of the API key.
  name               = "harbor-public"
  type               = "basic"
  endpoint           = "https://harbor.example.test"
  is_private         = false
  provider_type      = "pack"
  is_synchronization = true
  base_content_path  = "spectro"

  credentials {
    credential_type = "noAuth"

    tls_config {
      insecure_skip_verify = false
    }
  }
}

variable "harbor_robot_password" {
  description = "Password of OCI registry \"harbor-robot\" (tenant scope)"
  type        = string
  sensitive   = true
  default     = "golden-basic-username-secret"
}

resource "spectrocloud_registry_oci" "harbor_robot" {
  name               = "harbor-robot"
  type               = "basic"
  endpoint           = "https://harbor.example.test"
  is_private         = true
  provider_type      = "pack"
  is_synchronization = true
  base_content_path  = "palette-packs"

  credentials {
    credential_type = "basic"
    username        = "robot$packs"
    password        = var.harbor_robot_password

    tls_config {
      insecure_skip_verify = false
    }
  }
}

variable "zot_internal_password" {
  description = "Password of OCI registry \"zot \"internal\"\" (system scope)"
  type        = string
  sensitive   = true
  default     = "golden-basic-ca-insecure-secret"
}

resource "spectrocloud_registry_oci" "zot_internal" {
  # A system-level registry in Pack Registry Desk: the provider manages tenant-level
  # registries only, so this creates it in the tenant of the API key.
  name               = "zot \"internal\""
  type               = "basic"
  endpoint           = "https://zot.internal.test:5000"
  is_private         = true
  provider_type      = "pack"
  is_synchronization = true
  base_content_path  = "packs"

  credentials {
    credential_type = "basic"
    username        = "admin"
    password        = var.zot_internal_password

    tls_config {
      certificate          = <<-EOT
        -----BEGIN CERTIFICATE-----
        MIIB4zCCAYigAwIBAgIBATAKBggqhkjOPQQDAjBPMSowKAYDVQQDDCFQYWNrIFJl
        Z2lzdHJ5IERlc2sgR29sZGVuIFRlc3QgQ0ExITAfBgNVBAoMGFBhY2sgUmVnaXN0
        cnkgRGVzayBUZXN0czAgFw0yNjExMjcwNDA0MjJaGA8yMTI2MTEwMzA0MDQyMlow
        TzEqMCgGA1UEAwwhUGFjayBSZWdpc3RyeSBEZXNrIEdvbGRlbiBUZXN0IENBMSEw
        HwYDVQQKDBhQYWNrIFJlZ2lzdHJ5IERlc2sgVGVzdHMwWTATBgcqhkjOPQIBBggq
        hkjOPQMBBwNCAARehIC9qAi5kgunipaZrkexxCp3gVyMhBg6a4YKcOD1MJPaM2aB
        7EP6qncd1T46WzI0ri3LYbJfW6vroBhh5Hr9o1MwUTAdBgNVHQ4EFgQUF8QEFb0y
        eszyonMTK/RIOht0m5owHwYDVR0jBBgwFoAUF8QEFb0yeszyonMTK/RIOht0m5ow
        DwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNJADBGAiEA5SMMz7qbzbF6xjFP
        bYUSvW5JtAa9AlqrDQ8ZIfyl+AwCIQDIDbRgmKqc+zl94zgcM8M1f7PPmpO2sfhF
        y03BGDuDHw==
        -----END CERTIFICATE-----
      EOT
      insecure_skip_verify = true
    }
  }
}
