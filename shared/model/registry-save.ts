import { z } from 'zod';
import { RegistryDraftSchema } from './registry-draft';
import { SecretFieldSchema, secretFieldsByType, SecretPersistenceSchema, SecretValueSchema } from './secrets';

/**
 * The wizard's one save: the configuration and, in the same call, what happens to its secret
 * (replaced, cleared or left as stored). Main applies both or neither, so the window never holds
 * half a registry to clean up after a failure.
 */
export const SaveRegistryInputSchema = z
  .object({
    /** Absent: a new registry. Present: the stored registry to change. */
    id: z.string().min(1).max(64).optional(),
    draft: RegistryDraftSchema,
    secret: z
      .discriminatedUnion('action', [
        z.object({
          action: z.literal('set'),
          field: SecretFieldSchema,
          value: SecretValueSchema,
          persistence: SecretPersistenceSchema.default('persist'),
        }),
        z.object({ action: z.literal('clear'), field: SecretFieldSchema }),
      ])
      .optional(),
  })
  .refine((input) => input.secret?.action !== 'set' || secretFieldsByType[input.draft.type].includes(input.secret.field), {
    message: 'This secret does not belong to a registry of this type.',
    path: ['secret', 'field'],
  });
export type SaveRegistryInput = z.input<typeof SaveRegistryInputSchema>;
