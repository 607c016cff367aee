import { z } from 'zod';
import type { FileStoreOptions } from '../store/store-options';

/**
 * One stored secret. `ciphertext` is `v1:` + base64 of what the cipher returned (safeStorage in
 * the app); the prefix names the format so a later one can be told apart and migrated.
 */
export const SecretEntrySchema = z.object({
  ciphertext: z.string().min(1),
  updatedAt: z.iso.datetime(),
  /** When decryption last failed with encryption available (keychain changed). Kept, never cleared silently. */
  unusableSince: z.iso.datetime().optional(),
  /**
   * The registry endpoint's origin (scheme, host, port) the secret was entered for: it is sent
   * there and nowhere else. Absent only in files written before origins were recorded; those are
   * bound once to their registry's endpoint at the time (`originsBound` then says so).
   */
  origin: z.string().min(1).max(2048).optional(),
});
export type SecretEntry = z.infer<typeof SecretEntrySchema>;

/** registry id → field → entry. Field names are open strings so a newer field never makes the file unreadable. */
export const SecretsFileSchema = z.object({
  secrets: z.record(z.string(), z.record(z.string(), SecretEntrySchema)).default({}),
  /** Set once every older entry was bound to an origin: from then on an entry without one is unusable. */
  originsBound: z.boolean().optional(),
});
export type SecretsByRegistry = z.output<typeof SecretsFileSchema>['secrets'];

export interface SecretsShape extends Record<string, unknown> {
  secrets: SecretsByRegistry;
  originsBound?: boolean;
}

export const SECRETS_FILE_NAME = 'secrets';
export const SECRETS_SCHEMA_VERSION = '1.0.0';

/** A file of its own, so the registries file can be read, shared or exported without any ciphertext in it. */
export function secretsStoreOptions(cwd: string): FileStoreOptions<SecretsShape> {
  return {
    cwd,
    configName: SECRETS_FILE_NAME,
    defaults: { secrets: {} },
    projectVersion: SECRETS_SCHEMA_VERSION,
    // None yet; present so the file records its layout version from the first write.
    migrations: {},
    watch: false,
    configFileMode: 0o600,
  };
}
