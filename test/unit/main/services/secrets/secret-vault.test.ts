import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SecretsShape } from '../../../../../main/services/secrets/secrets-file';
import { AesGcmTestCipher } from '../../../../fixtures/aes-gcm-cipher';
import { failureOf, openTestServices, type TestServices } from '../../../../fixtures/storage-services';

let dir: string;
let opened: TestServices[] = [];
/** Opening the folder again is what an app restart looks like; pass the same cipher for "same keychain". */
const start = (cipher: AesGcmTestCipher) => {
  const services = openTestServices(dir, { cipher });
  opened.push(services);
  return services.services;
};
const secretsFile = () => JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')) as SecretsShape;

async function basicRegistry(services: ReturnType<typeof start>) {
  const { record } = await services.registries.create({
    type: 'basic',
    name: 'harbor',
    scope: 'system',
    endpoint: 'https://harbor.example.test',
    baseContentPath: '',
    username: 'robot',
    tls: { insecureSkipVerify: false },
  });
  return { registryId: record.id, field: 'password' as const };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'regdesk-vault-'));
});
afterEach(() => {
  opened.forEach((s) => s.close());
  opened = [];
  rmSync(dir, { recursive: true, force: true });
});

describe('secret vault with a keychain', () => {
  it('stores a secret encrypted, base64 with a version prefix, in its own file, and keeps it across a restart', async () => {
    const keychain = new AesGcmTestCipher({ backend: 'gnome_libsecret' });
    const services = start(keychain);
    const ref = await basicRegistry(services);
    expect((await services.app.info()).secureStorage).toMatchObject({ policy: 'keychain', persistent: true, canOptIn: false });

    const status = await services.secrets.set(ref, 'p@ssw0rd', 'persist');
    expect(status).toEqual({ field: 'password', stored: true, where: 'disk', updatedAt: expect.any(String), usable: true });
    const entry = secretsFile().secrets[ref.registryId]?.['password'];
    expect(entry?.ciphertext).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
    expect(readFileSync(join(dir, 'registries.json'), 'utf8')).not.toContain(entry!.ciphertext);

    const restarted = start(keychain);
    expect(await restarted.secrets.status(ref.registryId)).toEqual([status]);
    expect(await restarted.secrets.reveal(ref)).toBe('p@ssw0rd');
  });

  it('replaces and clears', async () => {
    const services = start(new AesGcmTestCipher());
    const ref = await basicRegistry(services);
    await services.secrets.set(ref, 'first', 'persist');
    await services.secrets.set(ref, 'second', 'persist');
    expect(await services.secrets.reveal(ref)).toBe('second');
    expect(await services.secrets.clear(ref)).toEqual({ field: 'password', stored: false, usable: false });
    expect(secretsFile().secrets).toEqual({});
    expect(await failureOf(() => services.secrets.reveal(ref))).toMatchObject({ code: 'SECRET_NOT_STORED' });
  });

  it('accepts only the secret fields of the registry’s type, and only for stored registries', async () => {
    const services = start(new AesGcmTestCipher());
    const ref = await basicRegistry(services);
    expect(await failureOf(() => services.secrets.set({ ...ref, field: 'awsSecretAccessKey' }, 'x', 'persist'))).toMatchObject({
      code: 'SECRET_FIELD_NOT_APPLICABLE',
      field: 'field',
    });
    expect(await failureOf(() => services.secrets.set({ ...ref, registryId: 'gone' }, 'x', 'persist'))).toMatchObject({
      code: 'REGISTRY_NOT_FOUND',
    });
  });

  it('re-encrypts a secret when the cipher asks to (key rotation), keeping its date', async () => {
    const keychain = new AesGcmTestCipher();
    const services = start(keychain);
    const ref = await basicRegistry(services);
    const { updatedAt } = await services.secrets.set(ref, 'rotate-me', 'persist');
    const before = secretsFile().secrets[ref.registryId]?.['password']?.ciphertext;

    keychain.rotateKey();
    const encryptsBefore = keychain.calls.encrypt;
    expect(await services.secrets.reveal(ref)).toBe('rotate-me');
    expect(keychain.calls.encrypt).toBe(encryptsBefore + 1);
    const after = secretsFile().secrets[ref.registryId]?.['password'];
    expect(after?.ciphertext).not.toBe(before);
    expect(after?.updatedAt).toBe(updatedAt);
    // Written with the current key: reading again needs no second re-encryption.
    expect(await services.secrets.reveal(ref)).toBe('rotate-me');
    expect(keychain.calls.encrypt).toBe(encryptsBefore + 1);
  });

  it('marks a secret that no longer decrypts (keychain changed) unusable, keeps it, and asks for it again', async () => {
    const services = start(new AesGcmTestCipher());
    const ref = await basicRegistry(services);
    await services.secrets.set(ref, 'old-keychain-secret', 'persist');
    const ciphertext = secretsFile().secrets[ref.registryId]?.['password']?.ciphertext;

    const otherKeychain = start(new AesGcmTestCipher());
    expect(await otherKeychain.secrets.status(ref.registryId)).toEqual([
      { field: 'password', stored: true, where: 'disk', updatedAt: expect.any(String), usable: false, unusableReason: 'keychain-changed' },
    ]);
    expect(await failureOf(() => otherKeychain.secrets.reveal(ref))).toMatchObject({ code: 'SECRET_UNUSABLE' });
    // Never cleared silently: the ciphertext is still there, marked.
    const kept = secretsFile().secrets[ref.registryId]?.['password'];
    expect(kept).toMatchObject({ ciphertext, unusableSince: expect.any(String) });

    await otherKeychain.secrets.set(ref, 'entered-again', 'persist');
    expect(secretsFile().secrets[ref.registryId]?.['password']?.unusableSince).toBeUndefined();
    expect(await otherKeychain.secrets.reveal(ref)).toBe('entered-again');
  });

  it('does not mark a secret while the keychain is merely unavailable (locked)', async () => {
    const keychain = new AesGcmTestCipher();
    const services = start(keychain);
    const ref = await basicRegistry(services);
    await services.secrets.set(ref, 'locked-away', 'persist');
    keychain.setAvailable(false);
    expect((await services.secrets.status(ref.registryId))[0]?.usable).toBe(false);
    expect(await failureOf(() => services.secrets.reveal(ref))).toMatchObject({ code: 'SECRET_STORAGE_UNAVAILABLE' });
    expect(secretsFile().secrets[ref.registryId]?.['password']?.unusableSince).toBeUndefined();
    keychain.setAvailable(true);
    expect(await services.secrets.reveal(ref)).toBe('locked-away');
  });
});

describe('secret vault without a keychain (Linux basic_text)', () => {
  it('refuses to save a secret by default, with a stable code and a sentence that says why', async () => {
    const services = start(new AesGcmTestCipher({ backend: 'basic_text' }));
    const ref = await basicRegistry(services);
    expect((await services.app.info()).secureStorage).toMatchObject({
      backend: 'basic_text',
      persistent: false,
      policy: 'session-only',
      canOptIn: true,
    });
    const error = await failureOf(() => services.secrets.set(ref, 'nope', 'persist'));
    expect(error).toMatchObject({ code: 'SECRET_STORAGE_INSECURE', message: expect.stringContaining('no keychain') });
    expect(secretsFile().secrets).toEqual({});
  });

  it('keeps a secret for this session only, and it is gone after a restart', async () => {
    const cipher = new AesGcmTestCipher({ backend: 'basic_text' });
    const services = start(cipher);
    const ref = await basicRegistry(services);
    expect(await services.secrets.set(ref, 'this-session', 'session')).toMatchObject({ stored: true, where: 'session', usable: true });
    expect(await services.secrets.reveal(ref)).toBe('this-session');
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).not.toContain(ref.registryId);

    const restarted = start(cipher);
    expect(await restarted.secrets.status(ref.registryId)).toEqual([{ field: 'password', stored: false, usable: false }]);
  });

  it('saves secrets after an explicit opt-in, which is remembered across a restart', async () => {
    const cipher = new AesGcmTestCipher({ backend: 'basic_text' });
    const services = start(cipher);
    const ref = await basicRegistry(services);
    expect(await services.settings.update({ allowInsecureSecretStorage: true })).toEqual({ allowInsecureSecretStorage: true });
    const { secureStorage } = await services.app.info();
    expect(secureStorage).toMatchObject({ policy: 'insecure-opt-in', persistent: false });
    expect(secureStorage.description).toMatch(/anyone who can read your files can recover them/);
    await services.secrets.set(ref, 'opted-in', 'persist');

    const restarted = start(cipher);
    expect(restarted.settings.get()).toEqual({ allowInsecureSecretStorage: true });
    expect(await restarted.secrets.reveal(ref)).toBe('opted-in');
    await restarted.settings.update({ allowInsecureSecretStorage: false });
    expect(await failureOf(() => restarted.secrets.set(ref, 'again', 'persist'))).toMatchObject({ code: 'SECRET_STORAGE_INSECURE' });
  });

  it('keeps secrets for the session only when encryption is unavailable, opt-in or not', async () => {
    const services = start(new AesGcmTestCipher({ backend: 'basic_text', available: false }));
    const ref = await basicRegistry(services);
    await services.settings.update({ allowInsecureSecretStorage: true });
    expect((await services.app.info()).secureStorage).toMatchObject({ policy: 'session-only', canOptIn: false });
    expect(await failureOf(() => services.secrets.set(ref, 'x', 'persist'))).toMatchObject({ code: 'SECRET_STORAGE_UNAVAILABLE' });
    await services.secrets.set(ref, 'memory-only', 'session');
    expect(await services.secrets.reveal(ref)).toBe('memory-only');
  });

  it('a session secret replaces a saved one, so the older copy does not outlive the admin’s choice', async () => {
    const cipher = new AesGcmTestCipher({ backend: 'basic_text' });
    const services = start(cipher);
    const ref = await basicRegistry(services);
    await services.settings.update({ allowInsecureSecretStorage: true });
    await services.secrets.set(ref, 'on-disk', 'persist');
    await services.secrets.set(ref, 'in-memory', 'session');
    expect(secretsFile().secrets).toEqual({});
    expect(await services.secrets.reveal(ref)).toBe('in-memory');
  });
});
