import type { Options } from 'conf';
import type { RegistryRecord } from '../../../shared/model/registry';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/model/settings';
import { storeMigrations } from './store-migrations';
import { STORE_SCHEMA_VERSION } from './store-schema';

/** What the store file holds. It is checked with zod (store-schema.ts) on open and on every read. */
export interface StoreShape extends Record<string, unknown> {
  registries: RegistryRecord[];
  settings: Settings;
}

export const STORE_FILE_NAME = 'registries';

/** conf options plus the two every caller of ours sets, so the file's path can be derived from them. */
export type FileStoreOptions<T extends Record<string, unknown>> = Options<T> & { cwd: string; configName: string };

/**
 * Options shared by electron-store (the app) and plain conf (tests, the command line), so both
 * read, migrate and write the same file the same way. conf writes atomically (temp file + rename).
 */
export function storeOptions(cwd: string): FileStoreOptions<StoreShape> {
  return {
    cwd,
    configName: STORE_FILE_NAME,
    defaults: { registries: [], settings: DEFAULT_SETTINGS },
    projectVersion: STORE_SCHEMA_VERSION,
    migrations: storeMigrations,
    // Another process (`regdesk import`, a second window) may change the file.
    watch: true,
    // Secrets are never in this file, but the names and endpoints of internal registries are
    // nobody else's business either.
    configFileMode: 0o600,
  };
}
