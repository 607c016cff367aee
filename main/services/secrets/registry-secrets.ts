import { AppErrorException, appError } from '../../../shared/errors';
import type { SecureStorageStatus } from '../../../shared/model/app-info';
import { secretFieldsByType, type SecretPersistence, type SecretRef, type SecretStatus } from '../../../shared/model/secrets';
import type { RegistryRecords } from '../store/registry-records';
import type { WriteQueue } from '../store/write-queue';
import type { SecretVault } from './secret-vault';

export interface RegistrySecretsPorts {
  records: RegistryRecords;
  vault: SecretVault;
  queue: WriteQueue;
}

/**
 * The secrets of stored registries. From the window they are write-only (set, replace, clear,
 * status); `reveal` is for main-side callers and is deliberately absent from the IPC contract.
 */
export function createRegistrySecrets({ records, vault, queue }: RegistrySecretsPorts) {
  /** The registry must exist and the field must belong to its type. */
  function check(ref: SecretRef): void {
    const record = records.get(ref.registryId);
    if (!secretFieldsByType[record.type].includes(ref.field)) {
      throw new AppErrorException(appError('SECRET_FIELD_NOT_APPLICABLE', { field: 'field' }));
    }
  }

  return {
    storageStatus(): Promise<SecureStorageStatus> {
      return vault.storageStatus();
    },

    set(ref: SecretRef, value: string, persistence: SecretPersistence): Promise<SecretStatus> {
      return queue.run(async () => {
        check(ref);
        const status = await vault.set(ref, value, persistence);
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
        const statuses: SecretStatus[] = [];
        // One at a time: a status may re-encrypt or mark a secret, which writes the file.
        for (const field of secretFieldsByType[record.type]) statuses.push(await vault.status({ registryId, field }));
        return statuses;
      });
    },

    /** Plaintext, for a validation or an export inside main. Never bind this to a channel. */
    reveal(ref: SecretRef): Promise<string> {
      return queue.run(() => {
        records.get(ref.registryId);
        return vault.reveal(ref);
      });
    },
  };
}
export type RegistrySecrets = ReturnType<typeof createRegistrySecrets>;
