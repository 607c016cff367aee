# Pack Registry Desk: 1 OCI pack registry as resources of the Spectro Cloud
# provider (spectrocloud_registry_oci). Exported 2025-06-01T12:00:00.000Z.
# Secrets are not in this file: give the sensitive variables values, e.g. with
# TF_VAR_<name> or a *.tfvars file kept out of version control.

resource "spectrocloud_registry_oci" "ecr_public_packs" {
  name               = "ecr-public-packs"
  type               = "ecr"
  endpoint           = "123456789012.dkr.ecr.us-east-1.amazonaws.com"
  is_private         = false
  provider_type      = "pack"
  is_synchronization = true
  base_content_path  = "packs"

  credentials {
    # Not protected: Palette pulls from this registry without AWS credentials.
    credential_type = "noAuth"

    tls_config {
      insecure_skip_verify = false
    }
  }
}
