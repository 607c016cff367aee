import { z } from 'zod';

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
  caPem: z.string().optional(),
});

const RecordBaseSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(128),
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
    })
    .optional(),
});

/** A stored registry. Secrets are never part of it: they live in the vault, keyed by registry id. */
export const RegistryRecordSchema = z.discriminatedUnion('type', [
  RecordBaseSchema.extend({
    type: z.literal('basic'),
    username: z.string().default(''),
  }),
  RecordBaseSchema.extend({
    type: z.literal('ecr'),
    isPrivate: z.boolean(),
    awsAuth: z
      .discriminatedUnion('method', [
        z.object({ method: z.literal('credentials'), accessKeyId: z.string() }),
        z.object({ method: z.literal('sts'), roleArn: z.string(), externalId: z.string() }),
      ])
      .optional(),
  }),
]);
export type RegistryRecord = z.infer<typeof RegistryRecordSchema>;

/** One row of the Pack Registries table. */
export const RegistrySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: RegistryScopeSchema,
  type: RegistryTypeSchema,
  endpoint: z.string(),
  baseContentPath: z.string(),
  validation: z.object({ state: ValidationStateSchema, at: z.iso.datetime().optional() }),
});
export type RegistrySummary = z.infer<typeof RegistrySummarySchema>;

export const ListRegistriesInputSchema = z.object({ scope: RegistryScopeSchema.optional() }).default({});
