import type { RegistryForm } from '../../../../../shared/model/registry-form';
import type { SecretField, SecretPersistence } from '../../../../../shared/model/secrets';
import { client } from '../../../api/client';
import { toDraft } from '../wizard-form';

export type SaveMode = 'draft' | 'confirm';

/** The one secret the form holds for its type, if the admin typed it. */
function secretOf(form: RegistryForm): { field: SecretField; value: string } | undefined {
  if (form.type === 'basic') return form.password ? { field: 'password', value: form.password } : undefined;
  if (form.ecrProtected && form.awsMethod === 'credentials' && form.secretAccessKey)
    return { field: 'awsSecretAccessKey', value: form.secretAccessKey };
  return undefined;
}

/**
 * Creates the registry (or updates it when it was saved before, so a retry after a failed secret
 * does not make a second one), then hands the secret to main's vault, write-only.
 */
export async function saveRegistry(
  form: RegistryForm,
  existingId: string | undefined,
  persistence: SecretPersistence,
  clearStored?: SecretField,
): Promise<string> {
  const draft = toDraft(form);
  const { record } = existingId ? await client.updateRegistry({ id: existingId, draft }) : await client.createRegistry(draft);
  const secret = secretOf(form);
  if (secret) await client.setSecret({ registryId: record.id, ...secret, persistence });
  else if (clearStored) await client.clearSecret({ registryId: record.id, field: clearStored });
  return record.id;
}
