// The wizard saves through one channel that changes a registry and its secret
// together. Real data folders, calls through main's IPC handlers (input schema included), and a
// keychain-less cipher to make the secret fail: the registry must not stay half saved.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AesGcmTestCipher } from '../../fixtures/aes-gcm-cipher';
import { canarySecret } from '../../fixtures/canary';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';
import { openIpcSession, type IpcSession } from '../diagnostics/ipc-session';

let temp: TempDir;
let app: IpcSession;
const PASSWORD = canarySecret('registry-save');
const draft = (endpoint = 'https://harbor.example.test') => ({
  type: 'basic' as const,
  name: 'harbor',
  scope: 'tenant' as const,
  endpoint,
  baseContentPath: 'packs',
  username: 'robot',
});

afterEach(async () => {
  app?.close();
  await temp?.cleanup();
});

describe('with a keychain', () => {
  beforeEach(async () => {
    temp = await createTempDir('registry-save');
    app = openIpcSession(temp.path);
  });

  it('creates the registry and stores its password in one call', async () => {
    const saved = await app.call('saveRegistry', { draft: draft(), secret: { action: 'set', field: 'password', value: PASSWORD } });
    expect(saved.record.name).toBe('harbor');
    const [status] = await app.call('secretStatus', { registryId: saved.record.id });
    expect(status).toMatchObject({ field: 'password', stored: true, usable: true });
  });

  it('updates the stored registry and clears its password when asked', async () => {
    const { record } = await app.call('saveRegistry', { draft: draft(), secret: { action: 'set', field: 'password', value: PASSWORD } });
    const updated = await app.call('saveRegistry', {
      id: record.id,
      draft: { ...draft(), username: '' },
      secret: { action: 'clear', field: 'password' },
    });
    expect(updated.record.id).toBe(record.id);
    expect(await app.call('listRegistries', { scope: 'tenant' })).toHaveLength(1);
    expect((await app.call('secretStatus', { registryId: record.id })).some((s) => s.stored)).toBe(false);
  });

  it('refuses a secret that does not belong to the registry type, storing nothing', async () => {
    const result = await app.raw('saveRegistry', {
      draft: { ...draft(), type: 'ecr', isPrivate: true },
      secret: { action: 'set', field: 'password', value: PASSWORD },
    });
    expect(result.ok).toBe(false);
    expect(await app.call('listRegistries', { scope: 'tenant' })).toEqual([]);
  });

  it('puts a secret only on a registry of its type: a password for an ECR registry is refused, whichever way it is asked', async () => {
    const ecr = { type: 'ecr' as const, name: 'ecr', scope: 'tenant' as const, endpoint: '123456789012.dkr.ecr.us-east-1.amazonaws.com' };
    const { record } = await app.call('saveRegistry', { draft: ecr });
    const before = await app.call('getRegistry', { id: record.id });
    expect(
      await app.raw('saveRegistry', { id: record.id, draft: ecr, secret: { action: 'set', field: 'password', value: PASSWORD } }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await app.raw('saveRegistry', { id: record.id, draft: ecr, secret: { action: 'clear', field: 'password' } })).toMatchObject({
      ok: false,
      error: { code: 'SECRET_FIELD_NOT_APPLICABLE' },
    });
    // The rollback stores the previous configuration again, which counts as a change (updatedAt).
    expect((await app.call('getRegistry', { id: record.id })).record).toEqual({ ...before.record, updatedAt: expect.any(String) });
    expect((await app.call('secretStatus', { registryId: record.id })).map((s) => s.field)).toEqual(['awsSecretAccessKey']);
  });
});

describe('when the secret cannot be stored (no keychain, no opt-in)', () => {
  beforeEach(async () => {
    temp = await createTempDir('registry-save-no-keychain');
    app = openIpcSession(temp.path, { cipher: new AesGcmTestCipher({ backend: 'basic_text' }) });
  });

  it('a new registry is not left behind', async () => {
    await expect(
      app.call('saveRegistry', { draft: draft(), secret: { action: 'set', field: 'password', value: PASSWORD, persistence: 'persist' } }),
    ).rejects.toThrow();
    expect(await app.call('listRegistries', { scope: 'tenant' })).toEqual([]);
  });

  it('a changed registry gets its previous configuration back', async () => {
    const { record } = await app.call('saveRegistry', { draft: draft('https://before.example.test') });
    await expect(
      app.call('saveRegistry', {
        id: record.id,
        draft: draft('https://after.example.test'),
        secret: { action: 'set', field: 'password', value: PASSWORD, persistence: 'persist' },
      }),
    ).rejects.toThrow();
    expect((await app.call('getRegistry', { id: record.id })).record.endpoint).toBe(record.endpoint);
  });

  it('kept for the session, it is saved', async () => {
    const saved = await app.call('saveRegistry', {
      draft: draft(),
      secret: { action: 'set', field: 'password', value: PASSWORD, persistence: 'session' },
    });
    expect((await app.call('secretStatus', { registryId: saved.record.id }))[0]).toMatchObject({ stored: true, where: 'session' });
  });
});
