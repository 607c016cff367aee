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

variable "zot_internal_password" {
  description = "Password of OCI registry \"zot \"internal\"\" (system scope)"
  type        = string
  sensitive   = true
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
