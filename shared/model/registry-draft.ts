import { z } from 'zod';
import { CaPemInputSchema } from './ca-pem';
import { AwsAuthSchema, RegistryScopeSchema, TlsSettingsSchema } from './registry';

/**
 * What the renderer sends to create or edit a registry: the configuration only. Ids and timestamps
 * are main's to set, and secrets travel separately through `secrets:set` (write-only), so a field
 * such as `password` sent here is dropped by the schema and never stored.
 */
const DraftBaseSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name.').max(128, 'Use at most 128 characters.'),
  scope: RegistryScopeSchema,
  endpoint: z.string().trim().min(1, 'Enter the registry endpoint.').max(2048),
  baseContentPath: z.string().trim().max(1024).default(''),
  tls: TlsSettingsSchema.extend({ caPem: CaPemInputSchema.optional() }).default({ insecureSkipVerify: false }),
});

export const RegistryDraftSchema = z.discriminatedUnion('type', [
  DraftBaseSchema.extend({ type: z.literal('basic'), username: z.string().trim().max(1024).default('') }),
  DraftBaseSchema.extend({ type: z.literal('ecr'), isPrivate: z.boolean().default(true), awsAuth: AwsAuthSchema.optional() }),
]);
export type RegistryDraft = z.output<typeof RegistryDraftSchema>;
export type RegistryDraftInput = z.input<typeof RegistryDraftSchema>;

const RegistryIdSchema = z.string().min(1).max(64);

export const RegistryIdInputSchema = z.object({ id: RegistryIdSchema });
export const UpdateRegistryInputSchema = z.object({ id: RegistryIdSchema, draft: RegistryDraftSchema });
export const DuplicateRegistryInputSchema = z.object({
  id: RegistryIdSchema,
  /** The copy's name; "<name> (copy)" when left out. */
  name: DraftBaseSchema.shape.name.optional(),
});
