import { z } from 'zod';
import { CaPemInputSchema } from './ca-pem';
import { RegistryScopeSchema, TlsSettingsSchema } from './registry';
import { normalizeBaseContentPath, normalizeEndpoint } from './registry-values';
import {
  AwsAuthInputSchema,
  BaseContentPathInputSchema,
  EndpointInputSchema,
  RegistryNameSchema,
  UsernameInputSchema,
} from './text-fields';

/**
 * What the renderer sends to create or edit a registry: the configuration only. Ids and timestamps
 * are main's to set, and a secret travels beside the draft in `registries:save` (write-only), so a
 * field such as `password` sent here is dropped by the schema and never stored. Endpoint and base path
 * are stored as Palette will receive them (registry-values.ts), whichever way they came in.
 */
const DraftBaseSchema = z.object({
  name: RegistryNameSchema,
  scope: RegistryScopeSchema,
  endpoint: EndpointInputSchema,
  baseContentPath: BaseContentPathInputSchema.default('').transform(normalizeBaseContentPath),
  tls: TlsSettingsSchema.extend({ caPem: CaPemInputSchema.optional() }).default({ insecureSkipVerify: false }),
});

const endpointAs = (type: 'basic' | 'ecr') => EndpointInputSchema.transform((endpoint) => normalizeEndpoint(endpoint, type));

export const RegistryDraftSchema = z.discriminatedUnion('type', [
  DraftBaseSchema.extend({
    type: z.literal('basic'),
    endpoint: endpointAs('basic'),
    username: UsernameInputSchema.default(''),
  }),
  DraftBaseSchema.extend({
    type: z.literal('ecr'),
    endpoint: endpointAs('ecr'),
    isPrivate: z.boolean().default(true),
    awsAuth: AwsAuthInputSchema.optional(),
  }),
]);
export type RegistryDraft = z.output<typeof RegistryDraftSchema>;
export type RegistryDraftInput = z.input<typeof RegistryDraftSchema>;

const RegistryIdSchema = z.string().min(1).max(64);

export const RegistryIdInputSchema = z.object({ id: RegistryIdSchema });
export const DuplicateRegistryInputSchema = z.object({
  id: RegistryIdSchema,
  /** The copy's name; "<name> (copy)" when left out. */
  name: DraftBaseSchema.shape.name.optional(),
});
