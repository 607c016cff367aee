import { AppErrorException, appError } from '../../../shared/errors';
import type { SecureStorageStatus } from '../../../shared/model/app-info';
import { secretFieldsByType, type SecretPersistence, type SecretRef, type SecretStatus } from '../../../shared/model/secrets';
import type { RegistryRecords } from '../store/registry-records';
import type { WriteQueue } from '../store/write-queue';
import { endpointOrigin } from './endpoint-origin';
import type { SecretVault } from './secret-vault';

export interface RegistrySecretsPorts {
  records: RegistryRecords;
  vault: SecretVault;
  queue: WriteQueue;
}

/**
 * The secrets of stored registries. From the window they are write-only (set, replace, clear,
 * status); `reveal` is for main-side callers and is deliberately absent from the IPC contract.
 * A secret is bound to the origin of the registry's endpoint when it is set, and revealed only
 * for that origin.
 */
export function createRegistrySecrets({ records, vault, queue }: RegistrySecretsPorts) {
  /** The registry must exist and the field must belong to its type. Returns the endpoint's origin now. */
  function check(ref: SecretRef): string | undefined {
    const record = records.get(ref.registryId);
    if (!secretFieldsByType[record.type].includes(ref.field)) {
      throw new AppErrorException(appError('SECRET_FIELD_NOT_APPLICABLE', { field: 'field' }));
    }
    return endpointOrigin(record.endpoint);
  }

  return {
    storageStatus(): Promise<SecureStorageStatus> {
      return vault.storageStatus();
    },

    set(ref: SecretRef, value: string, persistence: SecretPersistence): Promise<SecretStatus> {
      return queue.run(async () => {
        const origin = check(ref);
        // Only a hand-edited file holds an endpoint the parser refuses: nothing is bound to that.
        if (origin === undefined)
          throw new AppErrorException(appError('ENDPOINT_INVALID', { message: 'The stored endpoint is not valid.' }));
        const status = await vault.set(ref, value, persistence, origin);
        records.bumpSecretsRevision(ref.registryId);
        return status;
      });
    },

    clear(ref: SecretRef): Promise<SecretStatus> {
      return queue.run(() => {
        check(ref);
        const status = vault.clear(ref);
        records.bumpSecretsRevision(ref.registryId);
        return status;
      });
    },

    /** One status per secret field of the registry's type. */
    status(registryId: string): Promise<SecretStatus[]> {
      return queue.run(async () => {
        const record = records.get(registryId);
        const origin = endpointOrigin(record.endpoint);
        const statuses: SecretStatus[] = [];
        // One at a time: a status may re-encrypt or mark a secret, which writes the file.
        for (const field of secretFieldsByType[record.type]) statuses.push(await vault.status({ registryId, field }, origin));
        return statuses;
      });
    },

    /**
     * Plaintext, for a validation or an export inside main, to be sent to `endpoint` (by default
     * the registry's own): refused unless that is the origin the secret was entered for. Never
     * bind this to a channel.
     */
    reveal(ref: SecretRef, endpoint?: string): Promise<string> {
      return queue.run(() => {
        const record = records.get(ref.registryId);
        return vault.reveal(ref, endpointOrigin(endpoint ?? record.endpoint));
      });
    },
  };
}
export type RegistrySecrets = ReturnType<typeof createRegistrySecrets>;
