import { z } from 'zod';
import { ProxySettingsSchema, TlsTrustSchema } from './connection';

/**
 * How to sign in to Palette (palette.md §2): a tenant API key (header `ApiKey`, optional
 * `ProjectUid`) for tenant registries, the system console login (`/v1/auth/syslogin`) for system
 * ones. Both are used for this one request and never stored.
 */
export const PublishAuthSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('apiKey'),
    apiKey: z.string().min(1, 'Enter the API key.').max(4096),
    projectUid: z.string().trim().max(128).optional(),
  }),
  z.object({
    kind: z.literal('system'),
    username: z.string().min(1, 'Enter the system console username.').max(1024),
    password: z.string().min(1, 'Enter the system console password.').max(16_384),
  }),
]);
export type PublishAuth = z.infer<typeof PublishAuthSchema>;

export const PublishInputSchema = z.object({
  id: z.string().min(1).max(64),
  paletteUrl: z.string().trim().min(1, 'Enter the Palette address.').max(2048),
  auth: PublishAuthSchema,
  /** How to trust Palette's own certificate: the same choices as for a registry. */
  tls: TlsTrustSchema,
  proxy: ProxySettingsSchema,
  /** Ask Palette to validate the registry (`…/validate`) before creating it, as Terraform does. */
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
  action: z.enum(['login', 'validate', 'create']),
  method: z.literal('POST'),
  path: z.string(),
  status: z.number().int(),
  ok: z.boolean(),
  durationMs: z.number().nonnegative(),
  /** Palette's answer as sent (JSON, or text), except the login token, which is never shown. */
  body: z.json().optional(),
  error: PaletteErrorSchema.optional(),
});
export type PublishStep = z.infer<typeof PublishStepSchema>;

export const PublishResultSchema = z.object({
  ok: z.boolean(),
  registry: z.string(),
  paletteUrl: z.string(),
  steps: z.array(PublishStepSchema),
  /** The new registry's uid in Palette, when it was created. */
  uid: z.string().optional(),
  auditUid: z.string().optional(),
});
export type PublishResult = z.infer<typeof PublishResultSchema>;
