import type Conf from 'conf';
import type { StorageNotice } from '../../../shared/model/app-info';
import { SecretsFileSchema, secretsStoreOptions, type SecretsShape } from '../secrets/secrets-file';
import { openCheckedStore, type OpenConf } from './open-checked-store';
import { StoreFileSchema } from './store-schema';
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
}

/** Opens the registries file and the secrets file of a data folder, recovering from damaged ones. */
export function openAppStorage(dataDir: string, options: OpenAppStorageOptions): AppStorage {
  const now = options.now ?? (() => new Date());
  const registries = openCheckedStore({ ...storeOptions(dataDir), watch: options.watch ?? true }, StoreFileSchema, options.open, now);
  const secrets = openCheckedStore(secretsStoreOptions(dataDir), SecretsFileSchema, options.open, now);
  const storageNotices: StorageNotice[] = [];
  const at = now().toISOString();
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
