import { z } from 'zod';
import { ProxySettingsSchema, TlsTrustSchema } from './connection';
import { RegistryScopeSchema, RegistryTypeSchema } from './registry';
import { anyOf, CONTROLS } from '../text-rules';

/** White space and controls: a token is one word, and Palette takes it as sent. */
export const NOT_IN_TOKEN = anyOf(['\\s', CONTROLS], 'u');

/**
 * How to sign in to Palette (docs/palette-api.md): a tenant API key (header `ApiKey`) for tenant
 * registries; for system ones the system console login (`/v1/auth/syslogin`) or an Authorization
 * token pasted from a signed-in console (the login does not work once passkeys are on). Used for
 * the requests at hand and never stored. OCI registries belong to a tenant or the system, never
 * to a project, so there is no project to choose (closed objects: a `projectUid` is refused).
 */
export const PublishAuthSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('apiKey'), apiKey: z.string().min(1, 'Enter the API key.').max(4096) }),
  z.strictObject({
    kind: z.literal('system'),
    username: z.string().min(1, 'Enter the system console username.').max(1024),
    password: z.string().min(1, 'Enter the system console password.').max(16_384),
  }),
  z.strictObject({
    kind: z.literal('token'),
    token: z
      .string()
      .trim()
      .min(1, 'Paste the Authorization token.')
      .max(16_384)
      // Palette takes the token as is; a pasted "Bearer " would be refused by it.
      .transform((t) => t.replace(/^Bearer\s+/i, ''))
      .refine((t) => !NOT_IN_TOKEN.test(t), 'A token has no spaces or line breaks: paste the value only.'),
  }),
]);
export type PublishAuth = z.infer<typeof PublishAuthSchema>;

/** Where Palette is and how to reach it: shared by publish, sync and the Palette view. */
export const PaletteConnectionSchema = z.object({
  paletteUrl: z.string().trim().min(1, 'Enter the Palette address.').max(2048),
  auth: PublishAuthSchema,
  /** How to trust Palette's own certificate: the same choices as for a registry. */
  tls: TlsTrustSchema,
  proxy: ProxySettingsSchema,
  /** Plain http sends the API key, password or token unencrypted: only when the admin says so. */
  allowHttp: z.boolean().default(false),
});
export type PaletteConnection = z.output<typeof PaletteConnectionSchema>;

export const PublishInputSchema = PaletteConnectionSchema.extend({
  id: z.string().min(1).max(64),
  /** Ask Palette to validate the registry (`…/validate`) before creating or updating it, as Terraform does. */
  validateFirst: z.boolean().default(false),
});
export type PublishInput = z.output<typeof PublishInputSchema>;
export type PublishInputRaw = z.input<typeof PublishInputSchema>;

/** Palette's error body, `v1Error{code,message,details,ref}`. */
export const PaletteErrorSchema = z.object({
  code: z.string().optional(),
  message: z.string().optional(),
  details: z.json().optional(),
  ref: z.string().optional(),
});
export type PaletteError = z.infer<typeof PaletteErrorSchema>;

export const PublishStepSchema = z.object({
  action: z.enum(['login', 'lookup', 'read', 'validate', 'create', 'update', 'sync', 'sync-status']),
  method: z.enum(['GET', 'POST', 'PUT']),
  path: z.string(),
  status: z.number().int(),
  ok: z.boolean(),
  durationMs: z.number().nonnegative(),
  /** Palette's answer, redacted: secret fields and any secret that was sent are replaced. */
  body: z.json().optional(),
  error: PaletteErrorSchema.optional(),
});
export type PublishStep = z.infer<typeof PublishStepSchema>;

/** One field that differs between Palette and this workstation (secrets are never compared: Palette masks them). */
export const FieldDifferenceSchema = z.object({ field: z.string(), palette: z.json(), local: z.json() });
export type FieldDifference = z.infer<typeof FieldDifferenceSchema>;

/** A sync status read as the Terraform provider reads it (resourceOciRegistrySyncRefreshFunc). */
export const SyncStateSchema = z.object({
  state: z.enum(['done', 'failed', 'running', 'pending']),
  /** Palette's own word for it, as sent. */
  status: z.string().optional(),
  message: z.string().optional(),
  isSyncSupported: z.boolean().optional(),
  lastSyncedTime: z.string().optional(),
});
export type SyncState = z.infer<typeof SyncStateSchema>;

export const PublishResultSchema = z.object({
  ok: z.boolean(),
  /** What happened in Palette: nothing was written when `unchanged` or `refused`. */
  outcome: z.enum(['created', 'updated', 'unchanged', 'refused']),
  registry: z.string(),
  paletteUrl: z.string(),
  steps: z.array(PublishStepSchema),
  /** The registry's uid in Palette, when it exists there. */
  uid: z.string().optional(),
  kind: RegistryTypeSchema,
  /** What an update changed (or would change). */
  differences: z.array(FieldDifferenceSchema).default([]),
  auditUid: z.string().optional(),
  /** Why Palette refused, or why nothing was sent, in a sentence. */
  message: z.string().optional(),
});
export type PublishResult = z.infer<typeof PublishResultSchema>;

/** `publish:compare`: what a publish would do, read from Palette without writing. */
export const PublishPreviewSchema = z.object({
  state: z.enum(['absent', 'differs', 'same', 'conflict']),
  uid: z.string().optional(),
  kind: RegistryTypeSchema,
  differences: z.array(FieldDifferenceSchema),
  message: z.string().optional(),
});
export type PublishPreview = z.infer<typeof PublishPreviewSchema>;

export const SyncInputSchema = PaletteConnectionSchema.extend({
  uid: z.string().trim().min(1).max(128),
  kind: RegistryTypeSchema,
  /** `…/sync?forceSync=true`: sync everything again, not only what changed. */
  force: z.boolean().default(true),
});
export type SyncInput = z.output<typeof SyncInputSchema>;

export const SyncStatusInputSchema = PaletteConnectionSchema.extend({ uid: z.string().trim().min(1).max(128), kind: RegistryTypeSchema });
export type SyncStatusInput = z.output<typeof SyncStatusInputSchema>;

export const SyncResultSchema = z.object({ ok: z.boolean(), steps: z.array(PublishStepSchema), sync: SyncStateSchema.optional() });
export type SyncResult = z.infer<typeof SyncResultSchema>;

/** One row of the Palette view: a registry here, in Palette, or both. */
export const PaletteComparisonRowSchema = z.object({
  name: z.string(),
  scope: RegistryScopeSchema.optional(),
  kind: RegistryTypeSchema.optional(),
  state: z.enum(['only-here', 'only-in-palette', 'same', 'differs']),
  localId: z.string().optional(),
  uid: z.string().optional(),
  endpoint: z.string().optional(),
  /** The fields that differ, with both values. */
  differences: z.array(FieldDifferenceSchema),
  sync: SyncStateSchema.optional(),
});
export type PaletteComparisonRow = z.infer<typeof PaletteComparisonRowSchema>;

export const PaletteComparisonSchema = z.object({
  paletteUrl: z.string(),
  /** The scope the sign-in sees: a tenant with an API key, the system console otherwise. */
  scope: RegistryScopeSchema,
  rows: z.array(PaletteComparisonRowSchema),
  steps: z.array(PublishStepSchema),
});
export type PaletteComparison = z.infer<typeof PaletteComparisonSchema>;
