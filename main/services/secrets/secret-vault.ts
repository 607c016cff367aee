import type Conf from 'conf';
import { AppErrorException, appError } from '../../../shared/errors';
import type { SecureStorageStatus } from '../../../shared/model/app-info';
import type { SecretField, SecretPersistence, SecretRef, SecretStatus } from '../../../shared/model/secrets';
import type { Settings } from '../../../shared/model/settings';
import { otherOriginError, shownOrigin } from './endpoint-origin';
import type { SecretCipher } from './secret-cipher';
import { SecretsFileSchema, type SecretEntry, type SecretsByRegistry, type SecretsShape } from './secrets-file';
import { secureStorageStatus } from './secret-policy';

export interface SecretVaultPorts {
  /** The secrets file, opened on first use (the command line may never need it). */
  file: () => Conf<SecretsShape>;
  cipher: SecretCipher;
  settings: () => Settings;
  /**
   * The endpoint origin of each stored registry now, for binding secrets saved before origins
   * were recorded (once, see `bindOrigins`). Without it such secrets stay unbound, so unusable.
   */
  registryOrigins?: () => ReadonlyMap<string, string | undefined>;
  now?: () => Date;
}

/** The stored format: a version prefix, then base64 of the cipher's output. */
const FORMAT_PREFIX = 'v1:';

/**
 * Secrets by registry id and field. Persisted ones are ciphertext in their own file; session ones
 * live in this instance's memory and vanish at quit. Plaintext leaves the vault only through
 * `reveal`, which main-side callers use (validation, export) and no IPC channel exposes.
 *
 * Each secret is bound to the endpoint origin it was entered for and is handed out only for that
 * origin: an edit, an import or a hand-edited file that points the registry elsewhere leaves the
 * secret stored but unusable until it is entered again (docs/architecture.md#secrets).
 *
 * Callers serialize calls through the write queue (see registry-secrets.ts): several of these
 * read, await the cipher, and write back.
 */
export function createSecretVault(ports: SecretVaultPorts) {
  const now = ports.now ?? (() => new Date());
  const session = new Map<string, { value: string; updatedAt: string; origin: string }>();
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
    return parsed.data.originsBound || !ports.registryOrigins
      ? parsed.data.secrets
      : bindOrigins(parsed.data.secrets, ports.registryOrigins());
  }

  /**
   * The migration to origin-bound secrets, run once per file (the first read after an update):
   * each older entry is bound to its registry's endpoint as it is now. After that an entry
   * without an origin (added or edited by hand) is never sent anywhere.
   */
  function bindOrigins(secrets: SecretsByRegistry, origins: ReadonlyMap<string, string | undefined>): SecretsByRegistry {
    for (const [registryId, fields] of Object.entries(secrets)) {
      const origin = origins.get(registryId);
      if (origin === undefined) continue;
      for (const entry of Object.values(fields)) entry.origin ??= origin;
    }
    try {
      ports.file().set({ secrets, originsBound: true });
    } catch (error) {
      // A refused store (read-only, unsafe, busy) keeps its own code and remedy.
      if (error instanceof AppErrorException) throw error;
      throw new AppErrorException(appError('STORE_WRITE_FAILED'));
    }
    return secrets;
  }

  function writeAll(secrets: SecretsByRegistry): void {
    try {
      ports.file().set('secrets', secrets);
    } catch (error) {
      // A refused store (read-only, unsafe, busy) keeps its own code and remedy.
      if (error instanceof AppErrorException) throw error;
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
        putEntry(ref, { ciphertext, updatedAt: entry.updatedAt, ...(entry.origin ? { origin: entry.origin } : {}) });
      } catch {
        // The old ciphertext still decrypts; the next read tries again. Not worth failing this one for.
      }
    }
    return plain;
  }

  const vault = {
    /**
     * Runs the origin migration now, at start, so it binds each older secret to its registry's
     * endpoint as it was before anything this session (an import, an edit) could change it. A
     * file that cannot be read is reported where a secret is used, not here.
     */
    bindOrigins(): void {
      try {
        readAll();
      } catch {
        // Reported by the first call that needs the file.
      }
    },

    async storageStatus(): Promise<SecureStorageStatus> {
      return secureStorageStatus(await ports.cipher.status(), ports.settings());
    },

    /** `origin`: the registry endpoint's origin now, the only place this secret will be sent. */
    async set(ref: SecretRef, value: string, persistence: SecretPersistence, origin: string): Promise<SecretStatus> {
      const updatedAt = now().toISOString();
      if (persistence === 'session') {
        session.set(sessionKey(ref), { value, updatedAt, origin });
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
      putEntry(ref, { ciphertext: encode(await ports.cipher.encrypt(value)), updatedAt, origin });
      session.delete(sessionKey(ref));
      return { field: ref.field, stored: true, where: 'disk', updatedAt, usable: true };
    },

    clear(ref: SecretRef): SecretStatus {
      session.delete(sessionKey(ref));
      if (readAll()[ref.registryId]?.[ref.field]) putEntry(ref, undefined);
      return { field: ref.field, stored: false, usable: false };
    },

    /**
     * What the window may know: whether it is stored, where, since when, and whether it can be
     * used for `origin` (the registry's endpoint now): it still decrypts and was entered for it.
     */
    async status(ref: SecretRef, origin: string | undefined): Promise<SecretStatus> {
      const inMemory = session.get(sessionKey(ref));
      const entry = inMemory ? undefined : readAll()[ref.registryId]?.[ref.field];
      if (!inMemory && !entry) return { field: ref.field, stored: false, usable: false };
      const stored = inMemory
        ? { field: ref.field, stored: true, where: 'session' as const, updatedAt: inMemory.updatedAt }
        : { field: ref.field, stored: true, where: 'disk' as const, updatedAt: entry!.updatedAt };
      const enteredFor = inMemory ? inMemory.origin : entry!.origin;
      if (origin === undefined || enteredFor !== origin) {
        const shown = shownOrigin(enteredFor);
        return { ...stored, usable: false, unusableReason: 'endpoint-changed', ...(shown ? { enteredFor: shown } : {}) };
      }
      if (inMemory) return { ...stored, usable: true };
      const usable = (await decryptEntry(ref, entry!)) !== undefined;
      return { ...stored, usable, ...(usable ? {} : { unusableReason: 'keychain-changed' as const }) };
    },

    /**
     * Main-side only (validation, export), for sending to `origin`. Refused unless the secret was
     * entered for exactly that origin. Never bind this to a channel.
     */
    async reveal(ref: SecretRef, origin: string | undefined): Promise<string> {
      const inMemory = session.get(sessionKey(ref));
      if (inMemory) {
        if (origin === undefined || inMemory.origin !== origin) throw otherOriginError(ref.field, inMemory.origin, origin);
        return inMemory.value;
      }
      const entry = readAll()[ref.registryId]?.[ref.field];
      if (!entry) throw new AppErrorException(appError('SECRET_NOT_STORED'));
      // Checked before decrypting: a secret for elsewhere is not even decrypted.
      if (origin === undefined || entry.origin !== origin) throw otherOriginError(ref.field, entry.origin, origin);
      const plain = await decryptEntry(ref, entry);
      if (plain !== undefined) return plain;
      const { available } = await ports.cipher.status();
      throw new AppErrorException(appError(available ? 'SECRET_UNUSABLE' : 'SECRET_STORAGE_UNAVAILABLE'));
    },

    /** Which secrets are stored, on disk or for this session, as `registryId` → fields; nothing is decrypted. */
    storedFields(): ReadonlyMap<string, ReadonlySet<string>> {
      const stored = new Map<string, Set<string>>();
      const add = (registryId: string, field: string) => stored.set(registryId, (stored.get(registryId) ?? new Set()).add(field));
      for (const [registryId, fields] of Object.entries(readAll())) for (const field of Object.keys(fields)) add(registryId, field);
      for (const key of session.keys()) add(key.slice(0, key.indexOf('\u0000')), key.slice(key.indexOf('\u0000') + 1));
      return stored;
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
      vault.retainFieldsOf(new Map([[registryId, keep]]));
    },

    /** `retainFields` for many registries (an import) in one read and at most one write of the file. */
    retainFieldsOf(keepByRegistry: ReadonlyMap<string, readonly SecretField[]>): void {
      if (keepByRegistry.size === 0) return;
      const kept = (registryId: string, field: string) => (keepByRegistry.get(registryId) as readonly string[]).includes(field);
      for (const key of session.keys()) {
        const registryId = key.slice(0, key.indexOf('\u0000'));
        if (keepByRegistry.has(registryId) && !kept(registryId, key.slice(registryId.length + 1))) session.delete(key);
      }
      const all = readAll();
      let changed = false;
      for (const registryId of keepByRegistry.keys()) {
        const fields = Object.entries(all[registryId] ?? {}).filter(([field]) => kept(registryId, field));
        if (fields.length === Object.keys(all[registryId] ?? {}).length) continue;
        if (fields.length > 0) all[registryId] = Object.fromEntries(fields);
        else delete all[registryId];
        changed = true;
      }
      if (changed) writeAll(all);
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
