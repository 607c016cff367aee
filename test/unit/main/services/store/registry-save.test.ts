// The wizard's save changes a registry and its secret together or not at all: when the secret
// cannot be stored, a new registry is removed again and a changed one gets its previous
// configuration back, and the secret's own error is what the window sees.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveRegistryWithSecret } from '../../../../../main/services/store/registry-save';
import { SaveRegistryInputSchema, type SaveRegistryInput } from '../../../../../shared/model/registry-save';
import { AesGcmTestCipher } from '../../../../fixtures/aes-gcm-cipher';
import { canarySecret } from '../../../../fixtures/canary';
import { failureOf, openTestServices, type TestServices } from '../../../../fixtures/storage-services';

const PASSWORD = canarySecret('registry-save-unit');
const basic = (overrides: Record<string, unknown> = {}) => ({
  type: 'basic' as const,
  name: 'harbor',
  scope: 'tenant' as const,
  endpoint: 'https://harbor.example.test',
  baseContentPath: 'packs',
  username: 'robot',
  ...overrides,
});
const ecr = { type: 'ecr' as const, name: 'ecr', scope: 'tenant' as const, endpoint: '123456789012.dkr.ecr.us-east-1.amazonaws.com' };

let dir: string;
let env: TestServices;
const open = (cipher?: AesGcmTestCipher) => {
  env = openTestServices(dir, { cipher });
  return env.services;
};
const save = (input: SaveRegistryInput) => saveRegistryWithSecret(env.services, SaveRegistryInputSchema.parse(input));
const stored = async (registryId: string) =>
  (await env.services.secrets.status(registryId)).filter((s) => s.stored).map((s) => [s.field, s.where]);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'regdesk-save-'));
});
afterEach(() => {
  env?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('saving with a keychain', () => {
  beforeEach(() => open());

  it('creates a registry without touching secrets when none is given', async () => {
    const saved = await save({ draft: basic() });
    expect(env.services.registries.list().map((r) => r.id)).toEqual([saved.record.id]);
    expect(saved).toEqual(env.services.registries.get(saved.record.id));
    expect(await stored(saved.record.id)).toEqual([]);
  });

  it('creates a registry and stores its password, kept as asked, and returns the registry as stored after the secret', async () => {
    const saved = await save({ draft: basic(), secret: { action: 'set', field: 'password', value: PASSWORD } });
    expect(await stored(saved.record.id)).toEqual([['password', 'disk']]);
    expect(saved).toEqual(env.services.registries.get(saved.record.id));
    expect(saved.record.secretsRevision).toBeGreaterThan(0);

    const session = await save({
      draft: basic({ name: 'session' }),
      secret: { action: 'set', field: 'password', value: PASSWORD, persistence: 'session' },
    });
    expect(await stored(session.record.id)).toEqual([['password', 'session']]);
  });

  it('changes the stored registry in place when given its id, and clears its password when asked', async () => {
    const { record } = await save({ draft: basic(), secret: { action: 'set', field: 'password', value: PASSWORD } });
    const updated = await save({
      id: record.id,
      draft: basic({ endpoint: 'https://other.example.test', username: '' }),
      secret: { action: 'clear', field: 'password' },
    });
    expect(updated.record).toMatchObject({ id: record.id, endpoint: 'https://other.example.test' });
    expect(env.services.registries.list()).toHaveLength(1);
    expect(await stored(record.id)).toEqual([]);
    expect(updated).toEqual(env.services.registries.get(record.id));
  });

  it('changes a registry and leaves its stored password alone when no secret is given', async () => {
    const { record } = await save({ draft: basic(), secret: { action: 'set', field: 'password', value: PASSWORD } });
    const updated = await save({ id: record.id, draft: basic({ baseContentPath: 'other' }) });
    expect(updated.record).toMatchObject({ id: record.id, baseContentPath: 'other' });
    expect(env.services.registries.list()).toHaveLength(1);
    expect(await stored(record.id)).toEqual([['password', 'disk']]);
  });

  it('a changed registry whose secret is refused gets its previous configuration back, and the refusal is the error', async () => {
    const { record } = await save({ draft: ecr });
    const before = env.services.registries.get(record.id).record;
    const failure = await failureOf(() =>
      save({
        id: record.id,
        draft: { ...ecr, name: 'renamed', endpoint: '210987654321.dkr.ecr.eu-west-1.amazonaws.com' },
        secret: { action: 'clear', field: 'password' },
      }),
    );
    expect(failure.code).toBe('SECRET_FIELD_NOT_APPLICABLE');
    expect(env.services.registries.list()).toHaveLength(1);
    expect(env.services.registries.get(record.id).record).toEqual({ ...before, updatedAt: expect.any(String) });
  });
});

describe('saving where a password cannot be kept (no keychain, no opt-in)', () => {
  beforeEach(() => open(new AesGcmTestCipher({ backend: 'basic_text' })));
  const persisted = { action: 'set', field: 'password', value: PASSWORD, persistence: 'persist' } as const;

  it("a new registry is removed again, and the error is the secret store's", async () => {
    const failure = await failureOf(() => save({ draft: basic(), secret: persisted }));
    expect(failure).toMatchObject({ code: 'SECRET_STORAGE_INSECURE', field: 'persistence' });
    expect(env.services.registries.list()).toEqual([]);
  });

  it('a changed registry gets its previous configuration back and keeps its id', async () => {
    const { record } = await save({ draft: basic({ endpoint: 'https://before.example.test' }) });
    const before = env.services.registries.get(record.id).record;
    const error = await save({
      id: record.id,
      draft: basic({ endpoint: 'https://after.example.test', name: 'after' }),
      secret: persisted,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ appError: { code: 'SECRET_STORAGE_INSECURE' } });
    expect(env.services.registries.list().map((r) => r.id)).toEqual([record.id]);
    expect(env.services.registries.get(record.id).record).toEqual({ ...before, updatedAt: expect.any(String) });
  });

  it('a password kept for the session only is stored, and the registry with it', async () => {
    const saved = await save({ draft: basic(), secret: { ...persisted, persistence: 'session' } });
    expect(await stored(saved.record.id)).toEqual([['password', 'session']]);
  });

  it('clearing a password needs no keychain', async () => {
    const { record } = await save({ draft: basic() });
    const updated = await save({ id: record.id, draft: basic({ username: 'other' }), secret: { action: 'clear', field: 'password' } });
    expect(updated.record).toMatchObject({ username: 'other' });
  });
});
