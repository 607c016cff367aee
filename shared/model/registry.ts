import { z } from 'zod';
import { StoredCaPemSchema } from './ca-pem';
import { SecretFieldSchema } from './secrets';
import { FIELD_LIMITS } from './text-fields';

/** Palette has system-level (all tenants) and tenant-level pack registries. */
export const RegistryScopeSchema = z.enum(['system', 'tenant']);
export type RegistryScope = z.infer<typeof RegistryScopeSchema>;

/** The two tabs of Palette's OCI form. */
export const RegistryTypeSchema = z.enum(['basic', 'ecr']);
export type RegistryType = z.infer<typeof RegistryTypeSchema>;

export const ValidationStateSchema = z.enum(['never', 'validated', 'failed', 'stale']);
export type ValidationState = z.infer<typeof ValidationStateSchema>;

export const TlsSettingsSchema = z.object({
  insecureSkipVerify: z.boolean().default(false),
  /** Normalized PEM of the CA certificates the admin chose to trust for this registry. */
  caPem: StoredCaPemSchema,
  /** Trust only caPem, not the operating system's CAs as well. */
  trustOnlySuppliedCa: z.boolean().optional(),
});

const RecordBaseSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(FIELD_LIMITS.name),
  scope: RegistryScopeSchema,
  endpoint: z.string().min(1),
  baseContentPath: z.string().default(''),
  tls: TlsSettingsSchema.default({ insecureSkipVerify: false }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  lastValidation: z
    .object({
      ok: z.boolean(),
      at: z.iso.datetime(),
      /** Hash of the configuration that was validated; a mismatch means the result is stale. */
      configFingerprint: z.string(),
      /**
       * The report as the validator produced it. Kept as plain JSON rather than the report schema so
       * that a change to the report's shape can never make the whole store unreadable.
       */
      report: z.json().optional(),
    })
    .optional(),
  /**
   * Bumped whenever one of the registry's secrets is set, replaced or cleared. It is part of the
   * configuration fingerprint, so a new password makes the last validation stale, as an edit does.
   */
  secretsRevision: z.number().int().nonnegative().optional(),
});

/** How the registry authenticates to AWS for ECR (Palette's OCI form, ECR tab). */
export const AwsAuthSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('credentials'), accessKeyId: z.string() }),
  z.object({ method: z.literal('sts'), roleArn: z.string(), externalId: z.string() }),
]);

/** A stored registry. Secrets are never part of it: they live in the vault, keyed by registry id. */
export const RegistryRecordSchema = z.discriminatedUnion('type', [
  RecordBaseSchema.extend({
    type: z.literal('basic'),
    username: z.string().default(''),
  }),
  RecordBaseSchema.extend({
    type: z.literal('ecr'),
    isPrivate: z.boolean(),
    awsAuth: AwsAuthSchema.optional(),
  }),
]);
export type RegistryRecord = z.infer<typeof RegistryRecordSchema>;

/** What a step that warned found (shared/model/verdict.ts). */
export const VerdictWarningSchema = z.object({ step: z.string(), code: z.string(), message: z.string() });

/** Where a registry's last validation stands against its current configuration. */
export const ValidationSummarySchema = z.object({
  state: ValidationStateSchema,
  at: z.iso.datetime().optional(),
  /**
   * Set, non-empty, when a validation that still holds passed with warnings: "validated with
   * warnings". Read from the stored report, so records stored before it existed show theirs too.
   */
  warnings: z.array(VerdictWarningSchema).optional(),
});
export type ValidationSummary = z.infer<typeof ValidationSummarySchema>;

/** A registry's TLS posture, as the list shows and filters it. Dates are ISO; absent when unknown. */
export const TlsSummarySchema = z.object({
  skipVerify: z.boolean(),
  /** The admin uploaded CA certificates for this registry. */
  privateCa: z.boolean(),
  /** The earliest expiry among the uploaded CA certificates. */
  caExpiresAt: z.iso.datetime().optional(),
  /** The registry's own certificate, as presented to the last validation of its current configuration. */
  certificateExpiresAt: z.iso.datetime().optional(),
});
export type TlsSummary = z.infer<typeof TlsSummarySchema>;

/** One row of the Pack Registries table. */
export const RegistrySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: RegistryScopeSchema,
  type: RegistryTypeSchema,
  endpoint: z.string(),
  baseContentPath: z.string(),
  validation: ValidationSummarySchema,
  /** A secret the registry needs and none is stored (an import, a session that ended): the row says so. */
  missingSecret: SecretFieldSchema.optional(),
  tls: TlsSummarySchema,
});
export type RegistrySummary = z.infer<typeof RegistrySummarySchema>;

/** One stored registry with its validation state; its secrets are never part of it. */
export const RegistryDetailSchema = z.object({ record: RegistryRecordSchema, validation: ValidationSummarySchema });
export type RegistryDetail = z.infer<typeof RegistryDetailSchema>;

export const ListRegistriesInputSchema = z.object({ scope: RegistryScopeSchema.optional() }).default({});
