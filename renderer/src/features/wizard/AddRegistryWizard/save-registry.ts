import type { RegistryScope } from '../../../../../shared/model/registry';
import type { RegistryForm } from '../../../../../shared/model/registry-form';
import type { SecretField, SecretPersistence } from '../../../../../shared/model/secrets';
import { client } from '../../../api/client';
import { toDraft } from '../wizard-form';

export type SaveMode = 'draft' | 'confirm';

/** What the list is told after a save: where the registry went and whether it was validated. */
export interface SavedRegistry {
  id: string;
  name: string;
  scope: RegistryScope;
  mode: SaveMode;
}

/** The one secret the form holds for its type, if the admin typed it. */
function secretOf(form: RegistryForm): { field: SecretField; value: string } | undefined {
  if (form.type === 'basic') return form.password ? { field: 'password', value: form.password } : undefined;
  if (form.ecrProtected && form.awsMethod === 'credentials' && form.secretAccessKey)
    return { field: 'awsSecretAccessKey', value: form.secretAccessKey };
  return undefined;
}

/**
 * One call to main, which stores the configuration and the secret together (or neither). A retry
 * after a failure updates the registry saved before rather than making a second one.
 */
export async function saveRegistry(
  form: RegistryForm,
  existingId: string | undefined,
  persistence: SecretPersistence,
  clearStored?: SecretField,
): Promise<string> {
  const secret = secretOf(form);
  const { record } = await client.saveRegistry({
    ...(existingId ? { id: existingId } : {}),
    draft: toDraft(form),
    ...(secret
      ? { secret: { action: 'set' as const, ...secret, persistence } }
      : clearStored
        ? { secret: { action: 'clear' as const, field: clearStored } }
        : {}),
  });
  return record.id;
}
