import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RegistryDraftInput } from '../../../../../shared/model/registry-draft';
import { RegistryDraftSchema } from '../../../../../shared/model/registry-draft';
import { basicRecord, ecrRecord, seedStore, withValidation } from '../../../../fixtures/registry-records';
import { failureOf, openTestServices, type TestServices } from '../../../../fixtures/storage-services';

let dir: string;
let opened: TestServices[] = [];
const open = (watch = false) => {
  const services = openTestServices(dir, { watch });
  opened.push(services);
  return services.services;
};
const draft = (overrides: Partial<RegistryDraftInput> = {}) =>
  RegistryDraftSchema.parse({ type: 'basic', name: 'harbor', scope: 'system', endpoint: 'https://harbor.example.test', ...overrides });
const fileText = () => readFileSync(join(dir, 'registries.json'), 'utf8');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'regdesk-repo-'));
});
afterEach(() => {
  opened.forEach((s) => s.close());
  opened = [];
  rmSync(dir, { recursive: true, force: true });
});

describe('registry repository: reading', () => {
  it('starts empty', () => {
    expect(open().registries.listSummaries()).toEqual([]);
  });

  it('lists summaries sorted by name and filtered by scope', () => {
    seedStore(dir, [
      basicRecord({ name: 'zeta', scope: 'system' }),
      ecrRecord({ name: 'alpha', scope: 'tenant' }),
      basicRecord({ name: 'beta', scope: 'system' }),
    ]);
    const { registries } = open();
    expect(registries.listSummaries().map((r) => r.name)).toEqual(['alpha', 'beta', 'zeta']);
    expect(registries.listSummaries('system').map((r) => r.name)).toEqual(['beta', 'zeta']);
    expect(registries.listSummaries('tenant').map((r) => [r.name, r.type])).toEqual([['alpha', 'ecr']]);
  });

  it('derives the validation state from the stored result and the configuration fingerprint', () => {
    const validated = withValidation(basicRecord({ name: 'a' }), true, '2026-11-01T10:00:00.000Z');
    const failed = withValidation(basicRecord({ name: 'b' }), false);
    const stale = { ...withValidation(basicRecord({ name: 'c' }), true), endpoint: 'https://moved.example.test' };
    const renamed = { ...withValidation(basicRecord({ name: 'd-old' }), true), name: 'd' };
    seedStore(dir, [validated, failed, stale, renamed, basicRecord({ name: 'e' })]);
    const summaries = open().registries.listSummaries();
    expect(summaries.map((r) => [r.name, r.validation.state])).toEqual([
      ['a', 'validated'],
      ['b', 'failed'],
      ['c', 'stale'],
      ['d', 'validated'],
      ['e', 'never'],
    ]);
    expect(summaries[0]?.validation.at).toBe('2026-11-01T10:00:00.000Z');
  });

  it('gets one registry with its validation state, and says when it is not there', async () => {
    const { registries } = open();
    const { record } = await registries.create(draft());
    expect(registries.get(record.id)).toEqual({ record, validation: { state: 'never' } });
    expect(await failureOf(() => registries.get('no-such-id'))).toMatchObject({ code: 'REGISTRY_NOT_FOUND' });
  });

  it('reports a store damaged while the app runs with a stable code and where the file is', () => {
    const { registries } = open();
    writeFileSync(join(dir, 'registries.json'), JSON.stringify({ registries: [{ id: 1, name: '' }] }));
    let thrown: unknown;
    try {
      registries.listSummaries();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ appError: { code: 'STORE_UNREADABLE', remedy: expect.stringContaining(join(dir, 'registries.json')) } });
  });

  it('notices changes written by another process', async () => {
    const { registries } = open(true);
    registries.listSummaries();
    const changed = new Promise<void>((resolve) => {
      const off = registries.onChange(() => {
        off();
        resolve();
      });
    });
    seedStore(dir, [basicRecord({ name: 'from-elsewhere' })]);
    await changed;
    expect(registries.listSummaries().map((r) => r.name)).toEqual(['from-elsewhere']);
  });
});

describe('registry repository: changes', () => {
  it('creates a registry from a draft: id and timestamps from main, never validated, kept across a restart', async () => {
    const { record, validation } = await open().registries.create(draft({ name: '  harbor  ', baseContentPath: ' spectro ' }));
    expect(record).toMatchObject({
      type: 'basic',
      name: 'harbor',
      baseContentPath: 'spectro',
      username: '',
      tls: { insecureSkipVerify: false },
    });
    expect(record.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(record.createdAt).toBe(record.updatedAt);
    expect(validation).toEqual({ state: 'never' });
    expect(open().registries.get(record.id).record).toEqual(record);
  });

  it('never stores a secret that arrives with a draft', async () => {
    const parsed = RegistryDraftSchema.parse({ ...draft(), password: 'hunter2-in-the-draft' });
    await open().registries.create(parsed);
    expect(fileText()).not.toContain('hunter2-in-the-draft');
  });

  it('keeps names unique within a scope, ignoring case and surrounding spaces', async () => {
    const { registries } = open();
    const first = await registries.create(draft({ name: 'Harbor' }));
    expect(await failureOf(() => registries.create(draft({ name: ' harbor ' })))).toMatchObject({
      code: 'REGISTRY_NAME_TAKEN',
      field: 'name',
    });
    await registries.create(draft({ name: 'harbor', scope: 'tenant' }));
    const other = await registries.create(draft({ name: 'other' }));
    expect(await failureOf(() => registries.update(other.record.id, draft({ name: 'HARBOR' })))).toMatchObject({
      code: 'REGISTRY_NAME_TAKEN',
      field: 'draft.name',
    });
    // Saving a registry under its own name is no clash.
    await registries.update(first.record.id, draft({ name: 'harbor', endpoint: 'https://h2.example.test' }));
    expect(registries.listSummaries().map((r) => `${r.scope}/${r.name}`)).toEqual(['system/harbor', 'tenant/harbor', 'system/other']);
  });

  it('says "validated with warnings" from the stored report, records of any age included', async () => {
    const { registries } = open();
    const { record } = await registries.create(draft({ name: 'harbor' }));
    const at = '2026-05-01T10:00:00.000Z';
    const configFingerprint = registries.fingerprint(record.id);
    const step = (title: string, status: string, problem?: { code: string; message: string }) => ({
      id: 'x',
      title,
      status,
      durationMs: 1,
      observed: [],
      ...(problem ? { problem } : {}),
    });
    const warned = step('Base content path', 'warn', { code: 'BASE_PATH_EMPTY', message: 'No packs under prd/spectro-packs/archive/.' });
    await registries.recordValidation(record.id, {
      ok: true,
      at,
      configFingerprint,
      report: { ok: true, steps: [step('TLS', 'ok'), warned] },
    });
    expect(registries.get(record.id).validation).toEqual({
      state: 'validated',
      at,
      warnings: [{ step: 'Base content path', code: 'BASE_PATH_EMPTY', message: 'No packs under prd/spectro-packs/archive/.' }],
    });
    // A failure is a failure, whatever warned before it; a report of another shape (or none) has no warnings.
    await registries.recordValidation(record.id, { ok: false, at, configFingerprint, report: { ok: false, steps: [warned] } });
    expect(registries.get(record.id).validation).toEqual({ state: 'failed', at });
    for (const report of [undefined, 'text', { steps: 'none' }, { steps: [null, 7, { title: 1, status: 'warn' }] }]) {
      await registries.recordValidation(record.id, { ok: true, at, configFingerprint, ...(report === undefined ? {} : { report }) });
      expect(registries.get(record.id).validation, JSON.stringify(report)).toEqual({ state: 'validated', at });
    }
  });

  it('makes the last validation stale on an edit but not on a rename, and valid again when the edit is undone', async () => {
    const { registries } = open();
    const { record } = await registries.create(draft({ name: 'harbor' }));
    const fingerprint = registries.fingerprint(record.id);
    await registries.recordValidation(record.id, { ok: true, at: '2026-05-01T10:00:00.000Z', configFingerprint: fingerprint });
    expect(registries.get(record.id).validation).toEqual({ state: 'validated', at: '2026-05-01T10:00:00.000Z' });

    expect((await registries.update(record.id, draft({ name: 'harbor-renamed' }))).validation.state).toBe('validated');
    expect((await registries.update(record.id, draft({ name: 'harbor-renamed', baseContentPath: 'other' }))).validation.state).toBe(
      'stale',
    );
    expect((await registries.update(record.id, draft({ name: 'harbor-renamed' }))).validation.state).toBe('validated');
  });

  it('records a validation against the configuration it started from, so an edit made meanwhile shows as stale', async () => {
    const { registries } = open();
    const { record } = await registries.create(draft());
    const before = registries.fingerprint(record.id);
    await registries.update(record.id, draft({ endpoint: 'https://edited-during-validation.example.test' }));
    const detail = await registries.recordValidation(record.id, { ok: true, at: '2026-05-01T10:00:00.000Z', configFingerprint: before });
    expect(detail.validation.state).toBe('stale');
  });

  it('makes the last validation stale when a secret changes', async () => {
    const { registries, secrets } = open();
    const { record } = await registries.create(draft());
    await registries.recordValidation(record.id, {
      ok: false,
      at: '2026-05-01T10:00:00.000Z',
      configFingerprint: registries.fingerprint(record.id),
    });
    expect(registries.get(record.id).validation.state).toBe('failed');
    await secrets.set({ registryId: record.id, field: 'password' }, 'a-new-password', 'persist');
    expect(registries.get(record.id).validation.state).toBe('stale');
  });

  it('duplicates a registry with its secrets, under a free "(copy)" name, never validated', async () => {
    const { registries, secrets } = open();
    const { record } = await registries.create(draft({ name: 'harbor', username: 'robot' }));
    await registries.recordValidation(record.id, {
      ok: true,
      at: '2026-05-01T10:00:00.000Z',
      configFingerprint: registries.fingerprint(record.id),
    });
    await secrets.set({ registryId: record.id, field: 'password' }, 'shared-password', 'persist');

    const copy = await registries.duplicate(record.id);
    const again = await registries.duplicate(record.id);
    expect([copy.record.name, again.record.name]).toEqual(['harbor (copy)', 'harbor (copy 2)']);
    expect(copy.record).toMatchObject({ endpoint: record.endpoint, username: 'robot', scope: 'system' });
    expect(copy.record.id).not.toBe(record.id);
    expect(copy.validation).toEqual({ state: 'never' });
    expect(await secrets.reveal({ registryId: copy.record.id, field: 'password' })).toBe('shared-password');
    expect(await failureOf(() => registries.duplicate(record.id, 'Harbor'))).toMatchObject({ code: 'REGISTRY_NAME_TAKEN' });
    expect((await registries.duplicate(record.id, 'harbor-dr')).record.name).toBe('harbor-dr');
  });

  it('deletes a registry together with its secrets, on disk and in memory, and leaves the others alone', async () => {
    const { registries, secrets } = open();
    const doomed = await registries.create(draft({ name: 'doomed' }));
    const kept = await registries.create(draft({ name: 'kept' }));
    await secrets.set({ registryId: doomed.record.id, field: 'password' }, 'doomed-disk-secret', 'persist');
    await secrets.set({ registryId: kept.record.id, field: 'password' }, 'kept-secret', 'persist');

    expect(await registries.delete(doomed.record.id)).toEqual({ id: doomed.record.id });
    expect(registries.listSummaries().map((r) => r.name)).toEqual(['kept']);
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).not.toContain(doomed.record.id);
    expect(await secrets.reveal({ registryId: kept.record.id, field: 'password' })).toBe('kept-secret');
    expect(await failureOf(() => registries.delete(doomed.record.id))).toMatchObject({ code: 'REGISTRY_NOT_FOUND' });

    const sessionOnly = await registries.create(draft({ name: 'session' }));
    await secrets.set({ registryId: sessionOnly.record.id, field: 'password' }, 'session-secret', 'session');
    await registries.delete(sessionOnly.record.id);
    const recreated = await registries.create(draft({ name: 'session' }));
    expect(await secrets.status(recreated.record.id)).toEqual([{ field: 'password', stored: false, usable: false }]);
  });

  it('drops the secret a new type has no use for when a registry changes type', async () => {
    const { registries, secrets } = open();
    const { record } = await registries.create(draft());
    await secrets.set({ registryId: record.id, field: 'password' }, 'basic-password', 'persist');
    await registries.update(
      record.id,
      RegistryDraftSchema.parse({ type: 'ecr', name: 'harbor', scope: 'system', endpoint: '1.dkr.ecr.us-east-1.amazonaws.com' }),
    );
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).not.toContain(record.id);
    expect(await secrets.status(record.id)).toEqual([{ field: 'awsSecretAccessKey', stored: false, usable: false }]);

    // And back: a session-only secret of the old type goes the same way, the new type's secret stays.
    await secrets.set({ registryId: record.id, field: 'awsSecretAccessKey' }, 'aws-key', 'session');
    await registries.update(record.id, draft());
    await secrets.set({ registryId: record.id, field: 'password' }, 'basic-again', 'persist');
    await registries.update(record.id, draft({ name: 'renamed, same type' }));
    expect(await secrets.reveal({ registryId: record.id, field: 'password' })).toBe('basic-again');
    await registries.update(
      record.id,
      RegistryDraftSchema.parse({ type: 'ecr', name: 'harbor', scope: 'system', endpoint: '1.dkr.ecr.us-east-1.amazonaws.com' }),
    );
    expect(await secrets.status(record.id)).toEqual([{ field: 'awsSecretAccessKey', stored: false, usable: false }]);
  });

  it('imports in one write: a replaced registry keeps its secrets unless its type changed, on disk and for the session', async () => {
    const { registries, secrets } = open();
    const ecr = (name: string) =>
      RegistryDraftSchema.parse({ type: 'ecr', name, scope: 'system', endpoint: '1.dkr.ecr.us-east-1.amazonaws.com' });
    const [a, b, c] = [
      (await registries.create(draft({ name: 'a' }))).record,
      (await registries.create(draft({ name: 'b' }))).record,
      (await registries.create(ecr('c'))).record,
    ];
    await secrets.set({ registryId: a.id, field: 'password' }, 'a-password', 'persist');
    await secrets.set({ registryId: b.id, field: 'password' }, 'b-password', 'persist');
    await secrets.set({ registryId: c.id, field: 'awsSecretAccessKey' }, 'c-key', 'session');
    let changes = 0;
    registries.onChange(() => changes++);

    const stored = await registries.importBatch([
      { draft: ecr('a'), replaceId: a.id },
      { draft: draft({ name: 'b, renamed' }), replaceId: b.id },
      { draft: draft({ name: 'c' }), replaceId: c.id },
      // Free again: "b" was renamed earlier in the same batch.
      { draft: draft({ name: 'B' }) },
    ]);
    expect(stored.map((r) => [r.name, r.type])).toEqual([
      ['a', 'ecr'],
      ['b, renamed', 'basic'],
      ['c', 'basic'],
      ['B', 'basic'],
    ]);
    expect(stored.slice(0, 3).map((r) => r.id)).toEqual([a.id, b.id, c.id]);
    expect(registries.list().map((r) => r.id)).toEqual(stored.map((r) => r.id));
    expect(changes).toBe(1);
    expect(await secrets.status(a.id)).toEqual([{ field: 'awsSecretAccessKey', stored: false, usable: false }]);
    expect(await secrets.reveal({ registryId: b.id, field: 'password' })).toBe('b-password');
    expect(await secrets.status(c.id)).toEqual([{ field: 'password', stored: false, usable: false }]);
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).not.toContain(a.id);
  });

  it('imports nothing when a registry to replace is gone or a name is taken, and says which', async () => {
    const { registries } = open();
    const { record } = await registries.create(draft({ name: 'kept' }));
    const before = fileText();
    expect(
      await failureOf(() =>
        registries.importBatch([{ draft: draft({ name: 'new' }) }, { draft: draft({ name: 'x' }), replaceId: 'gone' }]),
      ),
    ).toMatchObject({ code: 'REGISTRY_NOT_FOUND' });
    expect(
      await failureOf(() =>
        registries.importBatch([{ draft: draft({ name: 'new' }) }, { draft: draft({ name: ' NEW ' }), replaceId: record.id }]),
      ),
    ).toMatchObject({ code: 'REGISTRY_NAME_TAKEN', field: 'registries.1.name' });
    expect(await failureOf(() => registries.importBatch([{ draft: draft({ name: 'Kept' }) }]))).toMatchObject({
      code: 'REGISTRY_NAME_TAKEN',
      field: 'registries.0.name',
    });
    expect(fileText()).toBe(before);
  });

  it('serializes changes: a secret being saved while its registry is deleted leaves no orphan behind', async () => {
    const { registries, secrets } = open();
    const { record } = await registries.create(draft());
    const results = await Promise.allSettled([
      secrets.set({ registryId: record.id, field: 'password' }, 'racing-secret', 'persist'),
      registries.delete(record.id),
      secrets.set({ registryId: record.id, field: 'password' }, 'too-late', 'persist'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).not.toContain(record.id);
  });

  it('loses no change when many are made at once', async () => {
    const { registries } = open();
    await Promise.all(Array.from({ length: 25 }, (_, i) => registries.create(draft({ name: `r${i}` }))));
    expect(open().registries.listSummaries()).toHaveLength(25);
  });
});
