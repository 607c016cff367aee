import type { RegistryDetail } from '../../../shared/model/registry';
import { RegistryDraftSchema } from '../../../shared/model/registry-draft';
import type { SaveRegistryInputSchema } from '../../../shared/model/registry-save';
import type { RegistrySecrets } from '../secrets/registry-secrets';
import type { RegistryRepository } from './registry-repository';
import type { z } from 'zod';

type SaveRegistryInput = z.output<typeof SaveRegistryInputSchema>;

/**
 * The wizard's save: the configuration, then its secret, as one change. When the secret cannot be
 * stored (no keychain and no opt-in, say) a new registry is removed again and a changed one gets
 * its previous configuration back, and the error goes to the window: no registry is left saved
 * without the password the admin just typed for it.
 */
export async function saveRegistryWithSecret(
  services: { registries: RegistryRepository; secrets: RegistrySecrets },
  { id, draft, secret }: SaveRegistryInput,
): Promise<RegistryDetail> {
  const { registries, secrets } = services;
  const before = id === undefined ? undefined : registries.get(id).record;
  const saved = before ? await registries.update(before.id, draft) : await registries.create(draft);
  if (!secret) return saved;
  try {
    if (secret.action === 'set') await secrets.set({ registryId: saved.record.id, field: secret.field }, secret.value, secret.persistence);
    else await secrets.clear({ registryId: saved.record.id, field: secret.field });
  } catch (error) {
    if (before) await registries.update(before.id, RegistryDraftSchema.parse(before));
    else await registries.delete(saved.record.id);
    throw error;
  }
  return registries.get(saved.record.id);
}
