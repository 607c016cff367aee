import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DRAFT_FILE_FORMAT } from '../../../../../shared/model/draft-file';
import { recordToDraft } from '../../../../../main/services/export/draft-export';
import { EXPORT_VARIANTS, storeVariants } from '../../../../fixtures/export-variants';
import { failureOf, openTestServices, type TestServices } from '../../../../fixtures/storage-services';
import { createTempDir, type TempDir } from '../../../../fixtures/temp-dir';

let temp: TempDir;
let env: TestServices;

beforeEach(async () => {
  temp = await createTempDir('import');
  env = openTestServices(temp.path);
  // One stored registry, so "nothing saved" is checked against a file that exists.
  await env.services.registries.create({
    type: 'basic',
    name: 'harbor-robot',
    scope: 'tenant',
    endpoint: 'https://old.example.test',
    baseContentPath: '',
    username: 'x',
    tls: { insecureSkipVerify: false },
  });
});
afterEach(async () => {
  env.close();
  await temp.cleanup();
});

const storeBytes = () => readFileSync(join(temp.path, 'registries.json'));
const secretsBytes = () => (existsSync(join(temp.path, 'secrets.json')) ? readFileSync(join(temp.path, 'secrets.json')) : Buffer.alloc(0));

function draftFile(registries: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: DRAFT_FILE_FORMAT, version: 1, exportedAt: '2025-06-01T12:00:00.000Z', registries, ...extra });
}
const ok = { type: 'basic', name: 'zot', scope: 'system', endpoint: 'https://zot.example.test', baseContentPath: 'packs', username: '' };

describe('import: malformed files are refused precisely, and nothing is saved', () => {
  const cases: Array<[string, string, { code: string; path: string; message: RegExp }]> = [
    ['not JSON', '{"format": "pack-registry-desk/drafts",', { code: 'IMPORT_NOT_JSON', path: '', message: /^The file is not JSON: / }],
    ['JSON but an array', '[1, 2]', { code: 'IMPORT_NOT_DRAFT_FILE', path: '', message: /not an object/ }],
    [
      'another format',
      JSON.stringify({ format: 'something/else', version: 1, registries: [ok] }),
      { code: 'IMPORT_NOT_DRAFT_FILE', path: 'format', message: /"format" must be "pack-registry-desk\/drafts"/ },
    ],
    [
      'wrong version',
      JSON.stringify({ format: DRAFT_FILE_FORMAT, version: 2, registries: [ok] }),
      { code: 'IMPORT_VERSION_UNSUPPORTED', path: 'version', message: /^Version 2 is not supported: this app reads version 1\.$/ },
    ],
    [
      'version as a string',
      JSON.stringify({ format: DRAFT_FILE_FORMAT, version: '1', registries: [ok] }),
      { code: 'IMPORT_VERSION_UNSUPPORTED', path: 'version', message: /Version "1"/ },
    ],
    [
      'unknown top-level field',
      draftFile([ok], { comment: 'hi' }),
      { code: 'IMPORT_INVALID', path: 'comment', message: /^Unknown field "comment"/ },
    ],
    [
      'unknown registry field',
      draftFile([ok, { ...ok, name: 'b', colour: 'red' }]),
      { code: 'IMPORT_INVALID', path: 'registries.1.colour', message: /^Unknown field "colour"/ },
    ],
    [
      'a password in the file',
      draftFile([{ ...ok, username: 'u', password: 'hunter2' }]),
      { code: 'IMPORT_INVALID', path: 'registries.0.password', message: /secrets never travel in a draft file/ },
    ],
    [
      'unknown nested field',
      draftFile([{ ...ok, tls: { insecureSkipVerify: false, pinned: true } }]),
      { code: 'IMPORT_INVALID', path: 'registries.0.tls.pinned', message: /^Unknown field "pinned"/ },
    ],
    [
      'bad type',
      draftFile([ok, { ...ok, name: 'b' }, { ...ok, name: 'c', endpoint: 42 }]),
      { code: 'IMPORT_INVALID', path: 'registries.2.endpoint', message: /expected string, received number/ },
    ],
    [
      'missing field',
      draftFile([{ type: 'ecr', name: 'e', scope: 'tenant', baseContentPath: '' }]),
      { code: 'IMPORT_INVALID', path: 'registries.0.endpoint', message: /^Missing: this field is required\.$/ },
    ],
    [
      'bad enum',
      draftFile([{ ...ok, scope: 'project' }]),
      { code: 'IMPORT_INVALID', path: 'registries.0.scope', message: /"system"\|"tenant"/ },
    ],
    ['bad date', draftFile([ok], { exportedAt: 'yesterday' }), { code: 'IMPORT_INVALID', path: 'exportedAt', message: /date and time/ }],
    ['no registries', draftFile([]), { code: 'IMPORT_INVALID', path: 'registries', message: /holds no registry/ }],
    [
      'a name twice in one scope',
      draftFile([ok, { ...ok, name: ' ZOT ' }]),
      { code: 'IMPORT_INVALID', path: 'registries.1.name', message: /already the name of registries\.0/ },
    ],
    [
      'huge',
      draftFile([{ ...ok, baseContentPath: 'x'.repeat(32 * 1024 * 1024) }]),
      { code: 'IMPORT_TOO_LARGE', path: '', message: /larger than 32 MiB, the most a draft file may hold: export each scope on its own/ },
    ],
    [
      'more registries than a draft file holds',
      // Empty entries keep the test quick: the count is refused whatever the entries hold.
      draftFile(Array.from({ length: 10_001 }, () => ({}))),
      {
        code: 'IMPORT_INVALID',
        path: 'registries',
        message: /^A draft file holds at most 10,000 registries, and this one holds more: export each scope on its own/,
      },
    ],
  ];

  it.each(cases)('%s', async (_label, content, expected) => {
    const [storeBefore, secretsBefore] = [storeBytes(), secretsBytes()];
    const preview = env.services.imports.preview(content);
    expect(preview.registries).toEqual([]);
    expect(preview.errors[0]).toEqual({ code: expected.code, path: expected.path, message: expect.stringMatching(expected.message) });
    const failure = await failureOf(() => env.services.imports.apply(content, []));
    expect(failure.code).toBe(expected.code);
    expect(failure.message).toMatch(expected.path ? `${expected.path}: ` : /./);
    if (expected.path) expect(failure.field).toBe(expected.path);
    expect(storeBytes().equals(storeBefore)).toBe(true);
    expect(secretsBytes().equals(secretsBefore)).toBe(true);
  });

  it('lists every problem of a file at once, not only the first', () => {
    const preview = env.services.imports.preview(
      draftFile([
        { ...ok, endpoint: '' },
        { ...ok, name: 'b', extra: 1 },
        { ...ok, name: 'c', type: 'gcr' },
      ]),
    );
    expect(preview.errors.map((e) => e.path)).toEqual(['registries.0.endpoint', 'registries.1.extra', 'registries.2.type']);
  });

  it('refuses a file with one bad registry among good ones without storing the good ones', async () => {
    const before = storeBytes();
    await expect(
      env.services.imports.apply(draftFile([ok, { ...ok, name: 'ok-2' }, { ...ok, name: 'bad', scope: 'galaxy' }]), []),
    ).rejects.toThrow(/registries\.2\.scope/);
    expect(storeBytes().equals(before)).toBe(true);
    expect(env.services.registries.list().map((r) => r.name)).toEqual(['harbor-robot']);
  });
});

describe('import: names that clash with stored registries', () => {
  const clash = {
    type: 'basic',
    name: 'Harbor-Robot',
    scope: 'tenant',
    endpoint: 'https://new.example.test',
    baseContentPath: 'p',
    username: 'robot',
  };

  it('reports the clash with a free name to propose, and imports nothing until it is answered', async () => {
    const content = draftFile([clash, ok]);
    const preview = env.services.imports.preview(content);
    expect(preview.registries.map((r) => r.name)).toEqual(['Harbor-Robot', 'zot']);
    expect(preview.conflicts).toEqual([
      {
        index: 0,
        name: 'Harbor-Robot',
        scope: 'tenant',
        existing: { id: expect.any(String), type: 'basic', endpoint: 'https://old.example.test' },
        proposedName: 'Harbor-Robot (imported)',
      },
    ]);
    const before = storeBytes();
    expect(await failureOf(() => env.services.imports.apply(content, []))).toMatchObject({
      code: 'IMPORT_CONFLICT_UNRESOLVED',
      field: 'registries.0.name',
    });
    expect(storeBytes().equals(before)).toBe(true);
  });

  it('renames, skips or replaces as answered', async () => {
    const stored = env.services.registries.list()[0]!;
    await env.services.secrets.set({ registryId: stored.id, field: 'password' }, 'kept-password', 'persist');

    const renamed = await env.services.imports.apply(draftFile([clash, ok]), [
      { index: 0, action: 'rename', name: 'Harbor-Robot (imported)' },
    ]);
    expect(renamed.imported.map((r) => [r.name, r.action, r.needsSecrets])).toEqual([
      ['Harbor-Robot (imported)', 'renamed', ['password']],
      ['zot', 'created', []],
    ]);

    const skipped = await env.services.imports.apply(draftFile([clash]), [{ index: 0, action: 'skip' }]);
    expect(skipped).toEqual({ imported: [], skipped: [{ index: 0, name: 'Harbor-Robot', scope: 'tenant' }] });

    const replaced = await env.services.imports.apply(draftFile([clash]), [{ index: 0, action: 'replace' }]);
    expect(replaced.imported[0]).toMatchObject({ id: stored.id, action: 'replaced', name: 'Harbor-Robot' });
    expect(env.services.registries.get(stored.id).record).toMatchObject({
      endpoint: 'https://new.example.test',
      username: 'robot',
      createdAt: stored.createdAt,
    });
    // The password was entered for the old endpoint: kept, but never sent to the new one.
    expect(await failureOf(() => env.services.secrets.reveal({ registryId: stored.id, field: 'password' }))).toMatchObject({
      code: 'SECRET_ENDPOINT_CHANGED',
      message: 'The stored password was entered for https://old.example.test, not for https://new.example.test, so it is not sent there.',
    });
    expect(await env.services.secrets.status(stored.id)).toEqual([
      expect.objectContaining({ stored: true, usable: false, unusableReason: 'endpoint-changed', enteredFor: 'https://old.example.test' }),
    ]);
    expect(env.services.registries.list()).toHaveLength(3);
  });

  it('refuses a new name that is taken, stored or imported, and saves nothing', async () => {
    const before = storeBytes();
    const taken = await failureOf(() =>
      env.services.imports.apply(draftFile([clash]), [{ index: 0, action: 'rename', name: 'harbor-robot' }]),
    );
    expect(taken).toMatchObject({ code: 'IMPORT_RENAME_INVALID', field: 'registries.0.name' });
    const twice = await failureOf(() =>
      env.services.imports.apply(draftFile([clash, { ...ok, scope: 'tenant' }]), [{ index: 0, action: 'rename', name: 'ZOT' }]),
    );
    expect(twice.message).toMatch(/"zot" is already taken in the tenant scope by registries\.0/);
    expect(storeBytes().equals(before)).toBe(true);
  });
});

describe('export → import round trip', () => {
  it('gives another workstation the same drafts', async () => {
    const [from, to] = [await createTempDir('export-from'), await createTempDir('import-to')];
    const [source, target] = [openTestServices(from.path), openTestServices(to.path)];
    try {
      const ids = await storeVariants(source.services, () => 'not-exported');
      const exported = await source.services.exports.render({ ids: [...ids.values()], format: 'draft', includeSecrets: false });
      const result = await target.services.imports.apply(exported.files[0]!.content, []);
      expect(result.imported.map((r) => r.action)).toEqual(EXPORT_VARIANTS.map(() => 'created'));
      const drafts = (services: TestServices['services']) =>
        services.registries
          .list()
          .map(recordToDraft)
          .sort((a, b) => a.name.localeCompare(b.name));
      expect(drafts(target.services)).toEqual(drafts(source.services));
      expect(
        result.imported
          .filter((r) => r.needsSecrets.length > 0)
          .map((r) => r.name)
          .sort(),
      ).toEqual(['ecr-keys', 'harbor-robot', 'zot "internal"']);
    } finally {
      source.close();
      target.close();
      await Promise.all([from.cleanup(), to.cleanup()]);
    }
  });
});
