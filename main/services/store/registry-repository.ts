import type { RegistryDetail, RegistryRecord, RegistryScope, RegistrySummary } from '../../../shared/model/registry';
import type { RegistryDraft } from '../../../shared/model/registry-draft';
import { neededSecrets, secretFieldsByType } from '../../../shared/model/secrets';
import type { SecretVault } from '../secrets/secret-vault';
import { configFingerprint } from './config-fingerprint';
import { toSummary, validationSummary, type RegistryRecords, type ValidationOutcome } from './registry-records';
import type { WriteQueue } from './write-queue';

export interface RegistryRepositoryPorts {
  records: RegistryRecords;
  vault: SecretVault;
  queue: WriteQueue;
  /**
   * Mark rows whose needed secret is not stored. The window's hosts only: the command line opens
   * the secrets file when a command needs a secret, and listing does not.
   */
  markMissingSecrets?: boolean;
}

/**
 * Stored pack registries, as main's IPC, the harness and the command line use them. Reads are
 * synchronous and always see the file as it is; every change goes through the one write queue,
 * together with the secrets it touches.
 */
export function createRegistryRepository({ records, vault, queue, markMissingSecrets = false }: RegistryRepositoryPorts) {
  const detail = (record: RegistryRecord): RegistryDetail => ({ record, validation: validationSummary(record) });

  /** The first secret each registry needs and has not stored; nothing when the secrets file cannot be read (said where a secret is used). */
  function missingSecrets(): (record: RegistryRecord) => RegistrySummary['missingSecret'] {
    if (!markMissingSecrets) return () => undefined;
    let stored: ReadonlyMap<string, ReadonlySet<string>>;
    try {
      stored = vault.storedFields();
    } catch {
      return () => undefined;
    }
    return (record) => neededSecrets(record).find((field) => !stored.get(record.id)?.has(field));
  }

  return {
    list(scope?: RegistryScope): RegistryRecord[] {
      return records.list(scope);
    },

    listSummaries(scope?: RegistryScope): RegistrySummary[] {
      const list = records.list(scope);
      const missing = missingSecrets();
      return list
        .map((record) => {
          const missingSecret = missing(record);
          return missingSecret ? { ...toSummary(record), missingSecret } : toSummary(record);
        })
        .sort((a, b) => a.name.localeCompare(b.name));
    },

    get(id: string): RegistryDetail {
      return detail(records.get(id));
    },

    /** Taken before a validation starts and handed back to `recordValidation` with its outcome. */
    fingerprint(id: string): string {
      return configFingerprint(records.get(id));
    },

    create(draft: RegistryDraft): Promise<RegistryDetail> {
      return queue.run(() => detail(records.create(draft)));
    },

    update(id: string, draft: RegistryDraft): Promise<RegistryDetail> {
      return queue.run(() => {
        const before = records.get(id);
        const after = records.update(id, draft);
        // A Basic password has no meaning on what is now an ECR registry, and the reverse.
        if (before.type !== after.type) vault.retainFields(id, secretFieldsByType[after.type]);
        return detail(after);
      });
    },

    /** The copy gets the same secrets (ciphertext copied as is), so only what differs needs entering. */
    duplicate(id: string, name?: string): Promise<RegistryDetail> {
      return queue.run(() => {
        const copy = records.duplicate(id, name);
        vault.copyRegistry(id, copy.id);
        return detail(copy);
      });
    },

    /** An import: every change in one write. A replaced registry keeps its secrets, unless its type changed. */
    importBatch(changes: ReadonlyArray<{ draft: RegistryDraft; replaceId?: string | undefined }>): Promise<RegistryRecord[]> {
      return queue.run(() => {
        const done = records.applyBatch(changes);
        const retyped = done.flatMap(({ record, replaced }) =>
          replaced && replaced.type !== record.type ? [[record.id, secretFieldsByType[record.type]] as const] : [],
        );
        vault.retainFieldsOf(new Map(retyped));
        return done.map(({ record }) => record);
      });
    },

    delete(id: string): Promise<{ id: string }> {
      return queue.run(() => {
        records.get(id);
        // Secrets first: a crash in between leaves a visible registry that asks for its password
        // again, rather than an orphaned secret nobody can see or remove.
        vault.removeRegistry(id);
        records.remove(id);
        return { id };
      });
    },

    recordValidation(id: string, outcome: ValidationOutcome): Promise<RegistryDetail> {
      return queue.run(() => detail(records.recordValidation(id, outcome)));
    },

    /** Called on every change of the file, including changes made by other processes. */
    onChange(listener: () => void): () => void {
      return records.onChange(listener);
    },
  };
}
export type RegistryRepository = ReturnType<typeof createRegistryRepository>;
