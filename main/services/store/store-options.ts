import type { Options } from 'conf';
import type { RegistryRecord } from '../../../shared/model/registry';

/** What the store file holds. Records are validated with zod on read (see registry-repository). */
export interface StoreShape extends Record<string, unknown> {
  registries: RegistryRecord[];
}

export const STORE_FILE_NAME = 'registries';

/**
 * Options shared by electron-store (the app) and plain conf (tests, the command line), so both
 * read and write the same file the same way.
 */
export function storeOptions(cwd: string): Options<StoreShape> & { cwd: string } {
  return {
    cwd,
    configName: STORE_FILE_NAME,
    defaults: { registries: [] },
    // Another process (`regdesk import`, a second window) may change the file.
    watch: true,
    // Secrets are never in this file, but the names and endpoints of internal registries are
    // nobody else's business either.
    configFileMode: 0o600,
  };
}
