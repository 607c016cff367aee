/**
 * Codes for what Palette itself refuses and for the publish round trip (docs/palette-api.md). Kept apart from
 * shared/errors.ts only for length: part of the same catalog and the same stability promise.
 */
export const paletteErrors = {
  PALETTE_BASE_PATH_REQUIRED: {
    message: 'Palette requires a base content path when synchronization is on, and a pack registry always synchronizes.',
    remedy: 'Enter the base content path (the path above spectro-packs, e.g. the Harbor project), then try again.',
  },
  PALETTE_PARTITION_UNSUPPORTED: {
    message: 'Palette has no such AWS partition: it takes aws, aws-us-gov, aws-iso and aws-iso-b.',
    remedy: 'Use an ECR registry and role in one of those partitions; Palette cannot pull from this one.',
  },
  TERRAFORM_CANNOT_CARRY: {
    message: 'The Spectro Cloud Terraform provider cannot express this registry.',
    remedy: 'Leave it out of the Terraform export and publish it with Publish or the Palette requests export instead.',
  },
  PUBLISH_HTTP_NOT_ALLOWED: {
    message: 'The Palette address is plain http: the API key or token would cross the network unencrypted.',
    remedy: 'Use https. Only for a test instance on a network you trust, tick "Send over plain http" (--allow-http) to accept the risk.',
  },
  PUBLISH_REFUSED: {
    message: 'Palette refused the request.',
    remedy: "Read Palette's message above; correct the registry or the sign-in, then publish again.",
  },
  // Not raised: a failed sync is a sync state with Palette's own message (palette/sync-state.ts).
  // Kept, as codes are stable and never reused for another meaning.
  PUBLISH_SYNC_FAILED: {
    message: 'Palette could not synchronize the registry.',
    remedy: "Read Palette's message; check the endpoint, base content path and credentials, then use Sync now.",
  },
} as const satisfies Record<string, { message: string; remedy: string }>;
