import type Conf from 'conf';
import { AppErrorException, appError } from '../../../shared/errors';
import type { SecureStorageStatus } from '../../../shared/model/app-info';
import type { SecretField, SecretPersistence, SecretRef, SecretStatus } from '../../../shared/model/secrets';
import type { Settings } from '../../../shared/model/settings';
import type { SecretCipher } from './secret-cipher';
import { SecretsFileSchema, type SecretEntry, type SecretsByRegistry, type SecretsShape } from './secrets-file';
import { secureStorageStatus } from './secret-policy';

export interface SecretVaultPorts {
  /** The secrets file, opened on first use (the command line may never need it). */
  file: () => Conf<SecretsShape>;
  cipher: SecretCipher;
  settings: () => Settings;
  now?: () => Date;
}

/** The stored format: a version prefix, then base64 of the cipher's output. */
const FORMAT_PREFIX = 'v1:';

/**
 * Secrets by registry id and field. Persisted ones are ciphertext in their own file; session ones
 * live in this instance's memory and vanish at quit. Plaintext leaves the vault only through
 * `reveal`, which main-side callers use (validation, export) and no IPC channel exposes.
 *
 * Callers serialize calls through the write queue (see registry-secrets.ts): several of these
 * read, await the cipher, and write back.
 */
export function createSecretVault(ports: SecretVaultPorts) {
  const now = ports.now ?? (() => new Date());
  const session = new Map<string, { value: string; updatedAt: string }>();
  const sessionKey = (ref: SecretRef) => `${ref.registryId}\u0000${ref.field}`;

  function readAll(): SecretsByRegistry {
    let raw: unknown;
    try {
      raw = ports.file().store;
    } catch (error) {
      if (error instanceof AppErrorException) throw error;
      throw new AppErrorException(appError('SECRETS_UNREADABLE'));
    }
    const parsed = SecretsFileSchema.safeParse(raw);
    if (!parsed.success) throw new AppErrorException(appError('SECRETS_UNREADABLE'));
    return parsed.data.secrets;
  }

  function writeAll(secrets: SecretsByRegistry): void {
    try {
      ports.file().set('secrets', secrets);
    } catch {
      throw new AppErrorException(appError('STORE_WRITE_FAILED'));
    }
  }

  function putEntry(ref: SecretRef, entry: SecretEntry | undefined): void {
    const all = readAll();
    const fields = { ...all[ref.registryId] };
    if (entry) fields[ref.field] = entry;
    else delete fields[ref.field];
    if (Object.keys(fields).length > 0) all[ref.registryId] = fields;
    else delete all[ref.registryId];
    writeAll(all);
  }

  /** The plaintext, or undefined when it does not decrypt here. Re-encrypts when the cipher asks to. */
  async function decryptEntry(ref: SecretRef, entry: SecretEntry): Promise<string | undefined> {
    if (!(await ports.cipher.status()).available) return undefined; // The keychain may come back: mark nothing.
    let decrypted: { plain: string; shouldReEncrypt: boolean };
    try {
      if (!entry.ciphertext.startsWith(FORMAT_PREFIX)) throw new Error('unknown secret format');
      decrypted = await ports.cipher.decrypt(Buffer.from(entry.ciphertext.slice(FORMAT_PREFIX.length), 'base64'));
    } catch {
      // Kept, and marked: the admin is asked for it again; it is never cleared behind their back.
      if (!entry.unusableSince) putEntry(ref, { ...entry, unusableSince: now().toISOString() });
      return undefined;
    }
    const { plain, shouldReEncrypt } = decrypted;
    if (shouldReEncrypt || entry.unusableSince) {
      try {
        // safeStorage asks for this after a key rotation; the secret itself, and so updatedAt, is unchanged.
        const ciphertext = shouldReEncrypt ? encode(await ports.cipher.encrypt(plain)) : entry.ciphertext;
        putEntry(ref, { ciphertext, updatedAt: entry.updatedAt });
      } catch {
        // The old ciphertext still decrypts; the next read tries again. Not worth failing this one for.
      }
    }
    return plain;
  }

  const vault = {
    async storageStatus(): Promise<SecureStorageStatus> {
      return secureStorageStatus(await ports.cipher.status(), ports.settings());
    },

    async set(ref: SecretRef, value: string, persistence: SecretPersistence): Promise<SecretStatus> {
      const updatedAt = now().toISOString();
      if (persistence === 'session') {
        session.set(sessionKey(ref), { value, updatedAt });
        // A replacement: the older saved copy must not outlive the one the admin just chose.
        if (readAll()[ref.registryId]?.[ref.field]) putEntry(ref, undefined);
        return { field: ref.field, stored: true, where: 'session', updatedAt, usable: true };
      }
      const storage = await vault.storageStatus();
      if (storage.policy === 'session-only') {
        throw new AppErrorException(
          appError(storage.available ? 'SECRET_STORAGE_INSECURE' : 'SECRET_STORAGE_UNAVAILABLE', { field: 'persistence' }),
        );
      }
      putEntry(ref, { ciphertext: encode(await ports.cipher.encrypt(value)), updatedAt });
      session.delete(sessionKey(ref));
      return { field: ref.field, stored: true, where: 'disk', updatedAt, usable: true };
    },

    clear(ref: SecretRef): SecretStatus {
      session.delete(sessionKey(ref));
      if (readAll()[ref.registryId]?.[ref.field]) putEntry(ref, undefined);
      return { field: ref.field, stored: false, usable: false };
    },

    /** What the window may know: whether it is stored, where, since when, and whether it still decrypts. */
    async status(ref: SecretRef): Promise<SecretStatus> {
      const inMemory = session.get(sessionKey(ref));
      if (inMemory) return { field: ref.field, stored: true, where: 'session', updatedAt: inMemory.updatedAt, usable: true };
      const entry = readAll()[ref.registryId]?.[ref.field];
      if (!entry) return { field: ref.field, stored: false, usable: false };
      const plain = await decryptEntry(ref, entry);
      return { field: ref.field, stored: true, where: 'disk', updatedAt: entry.updatedAt, usable: plain !== undefined };
    },

    /** Main-side only (validation, export). Never bind this to a channel. */
    async reveal(ref: SecretRef): Promise<string> {
      const inMemory = session.get(sessionKey(ref));
      if (inMemory) return inMemory.value;
      const entry = readAll()[ref.registryId]?.[ref.field];
      if (!entry) throw new AppErrorException(appError('SECRET_NOT_STORED'));
      const plain = await decryptEntry(ref, entry);
      if (plain !== undefined) return plain;
      const { available } = await ports.cipher.status();
      throw new AppErrorException(appError(available ? 'SECRET_UNUSABLE' : 'SECRET_STORAGE_UNAVAILABLE'));
    },

    /** Every secret of a registry, on disk and in memory; part of deleting the registry. */
    removeRegistry(registryId: string): void {
      for (const key of session.keys()) if (key.startsWith(`${registryId}\u0000`)) session.delete(key);
      const all = readAll();
      if (!all[registryId]) return;
      delete all[registryId];
      writeAll(all);
    },

    /** Drops the secrets a registry's new type has no use for (a Basic password on what is now ECR). */
    retainFields(registryId: string, keep: readonly SecretField[]): void {
      const kept = (field: string) => (keep as readonly string[]).includes(field);
      for (const key of session.keys()) {
        if (key.startsWith(`${registryId}\u0000`) && !kept(key.slice(registryId.length + 1))) session.delete(key);
      }
      const all = readAll();
      const fields = Object.entries(all[registryId] ?? {}).filter(([field]) => kept(field));
      if (fields.length === Object.keys(all[registryId] ?? {}).length) return;
      if (fields.length > 0) all[registryId] = Object.fromEntries(fields);
      else delete all[registryId];
      writeAll(all);
    },

    /** Gives a duplicated registry the same secrets: the ciphertext is copied, never decrypted. */
    copyRegistry(fromId: string, toId: string): void {
      for (const [key, value] of session) {
        if (key.startsWith(`${fromId}\u0000`)) session.set(`${toId}${key.slice(fromId.length)}`, { ...value });
      }
      const all = readAll();
      if (!all[fromId]) return;
      all[toId] = structuredClone(all[fromId]);
      writeAll(all);
    },
  };
  return vault;
}
export type SecretVault = ReturnType<typeof createSecretVault>;

function encode(data: Buffer): string {
  return `${FORMAT_PREFIX}${data.toString('base64')}`;
}
