import { z } from 'zod';
import type { RegistryType } from './registry';
import { FIELD_LIMITS } from './text-fields';

/** The secret fields a registry can have; each is stored, replaced and cleared on its own. */
export const SecretFieldSchema = z.enum(['password', 'awsSecretAccessKey']);
export type SecretField = z.infer<typeof SecretFieldSchema>;

/** Which secrets belong to which type of registry (Palette's OCI form: Basic and ECR tabs). */
export const secretFieldsByType: Record<RegistryType, readonly SecretField[]> = {
  basic: ['password'],
  ecr: ['awsSecretAccessKey'],
};

/** The settings that decide which secret a registry needs, for a stored record and a draft alike. */
export type SecretNeeds =
  { type: 'basic'; username: string } | { type: 'ecr'; isPrivate: boolean; awsAuth?: { method: 'credentials' | 'sts' } | undefined };

/**
 * The secrets Palette needs for a registry: a Basic password once there is a username (no username
 * is Palette's "no authentication"), an ECR secret access key for static credentials. STS and
 * unprotected ECR registries need none.
 */
export function neededSecrets(registry: SecretNeeds): SecretField[] {
  if (registry.type === 'basic') return registry.username.trim() ? ['password'] : [];
  return registry.isPrivate && registry.awsAuth?.method === 'credentials' ? ['awsSecretAccessKey'] : [];
}

/**
 * `persist`: encrypted on disk (refused without a keychain unless the admin opted in);
 * `session`: kept in memory only and gone when the app quits.
 */
export const SecretPersistenceSchema = z.enum(['persist', 'session']);
export type SecretPersistence = z.infer<typeof SecretPersistenceSchema>;

const RegistryIdSchema = z.string().min(1).max(64);

/** One secret of one stored registry. */
export interface SecretRef {
  registryId: string;
  field: SecretField;
}

/** A secret as the window sends it, beside its registry's draft in registries:save. Nothing ever sends one back. */
export const SecretValueSchema = z.string().min(1, 'Enter the secret.').max(FIELD_LIMITS.password);

export const SecretStatusInputSchema = z.object({ registryId: RegistryIdSchema });

/** All the window may learn about a secret. */
export const SecretStatusSchema = z.object({
  field: SecretFieldSchema,
  stored: z.boolean(),
  /** `disk`: encrypted in the secrets file; `session`: in memory until the app quits. */
  where: z.enum(['disk', 'session']).optional(),
  updatedAt: z.iso.datetime().optional(),
  /** False when nothing is stored or when the stored secret no longer decrypts here: ask for it again. */
  usable: z.boolean(),
  /**
   * Why a stored secret is not usable: the keychain changed, or the registry's endpoint is no longer
   * the origin the secret was entered for (an edit, an import, a hand-edited file).
   */
  unusableReason: z.enum(['keychain-changed', 'endpoint-changed']).optional(),
  /** The origin the secret was entered for, when that is why it is unusable. Never the secret. */
  enteredFor: z.string().optional(),
});
export type SecretStatus = z.infer<typeof SecretStatusSchema>;
