import type Conf from 'conf';
import type { StorageNotice } from '../../../shared/model/app-info';
import { SECRETS_SCHEMA_VERSION, SecretsFileSchema, secretsStoreOptions, type SecretsShape } from '../secrets/secrets-file';
import { openCheckedStore, storeFilePath, type OpenConf } from './open-checked-store';
import { newerLayout, type NewerLayout } from './store-layout';
import { createStoreLock, type StoreLockOptions } from './store-lock';
import { STORE_SCHEMA_VERSION, StoreFileSchema } from './store-schema';
import { storeOptions, type StoreShape } from './store-options';

export interface AppStorage {
  store: Conf<StoreShape>;
  secretsStore: Conf<SecretsShape>;
  /** Files found unreadable at start and moved aside; shown to the admin through `app:info`. */
  storageNotices: StorageNotice[];
}

export interface OpenAppStorageOptions {
  open: OpenConf;
  /** Watch the registries file for changes by other processes (the app: yes; a one-shot script: no). */
  watch?: boolean;
  now?: () => Date;
  /** The data folder lock's timings; the defaults suit the app. */
  lock?: StoreLockOptions;
}

/**
 * A newer layout in either file makes the whole store read-only: a secret saved beside registries
 * this version cannot write would half-apply every change that touches both.
 */
export function findNewerLayout(dataDir: string): NewerLayout | undefined {
  return (
    newerLayout(storeFilePath(storeOptions(dataDir)), STORE_SCHEMA_VERSION) ??
    newerLayout(storeFilePath(secretsStoreOptions(dataDir)), SECRETS_SCHEMA_VERSION)
  );
}

/** Opens the registries file and the secrets file of a data folder, recovering from damaged ones. */
export function openAppStorage(dataDir: string, options: OpenAppStorageOptions): AppStorage {
  const now = options.now ?? (() => new Date());
  // Opening may migrate a file or move a damaged one aside: both are writes, so they hold the lock too.
  const { registries, secrets, newer } = createStoreLock(dataDir, options.lock).holdSync(() => {
    const newer = findNewerLayout(dataDir);
    return {
      newer,
      registries: openCheckedStore({ ...storeOptions(dataDir), watch: options.watch ?? true }, StoreFileSchema, options.open, now, newer),
      secrets: openCheckedStore(secretsStoreOptions(dataDir), SecretsFileSchema, options.open, now, newer),
    };
  });
  const storageNotices: StorageNotice[] = [];
  const at = now().toISOString();
  if (newer) {
    storageNotices.push({
      code: 'STORE_NEWER_LAYOUT',
      message: `The saved registries were written by a newer version of Pack Registry Desk (store layout ${newer.found} in ${newer.file}; this version writes ${newer.supported}), so they are open read-only.`,
      remedy: 'Update Pack Registry Desk to add, change or delete registries. This version leaves every file in the data folder as it is.',
      at,
    });
  }
  if (registries.quarantined) {
    const { backupPath, reason } = registries.quarantined;
    storageNotices.push({
      code: 'STORE_UNREADABLE',
      message: `The saved registries could not be read (${reason}), so the app started with an empty list.`,
      remedy:
        'The unreadable file was kept, renamed, in the same folder. Quit the app and put it back in place once it is repaired, or delete it.',
      backupPath,
      at,
    });
  }
  if (secrets.quarantined) {
    const { backupPath, reason } = secrets.quarantined;
    storageNotices.push({
      code: 'SECRETS_UNREADABLE',
      message: `The saved secrets could not be read (${reason}), so every registry will ask for its password or key again.`,
      remedy: 'The unreadable file was kept, renamed, in the same folder; it holds only encrypted data. Enter the secrets again.',
      backupPath,
      at,
    });
  }
  return { store: registries.store, secretsStore: secrets.store, storageNotices };
}
