// Budget: an import whose every registry replaces a stored one, at the scale of the scale tests
// (1,005 stored, 1,005 in the file). Half of them change type, so the secrets a new type has no
// use for are dropped too; the rest keep theirs. One write of the registries file, so one change
// event, however many registries the file holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDraftFile } from '../../../main/services/export/draft-export';
import type { RegistryRecord } from '../../../shared/model/registry';
import { secretFieldsByType } from '../../../shared/model/secrets';
import { manyRegistries, seedStore } from '../../fixtures/registry-records';
import { openTestServices, type TestServices } from '../../fixtures/storage-services';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';
import { IMPORT_THOUSAND_REPLACEMENTS_MAX_MS } from './budgets';

const COUNT = 1_005;

let dir: TempDir;
let env: TestServices;
let stored: RegistryRecord[];

/** The same registry under the other type: its stored secret then has no use and must go. */
function retyped(record: RegistryRecord, i: number): RegistryRecord {
  const { id, name, scope, baseContentPath, tls, createdAt, updatedAt } = record;
  const common = { id, name, scope, baseContentPath, tls, createdAt, updatedAt };
  return record.type === 'basic'
    ? { ...common, type: 'ecr', endpoint: `9876543${String(i).padStart(5, '0')}.dkr.ecr.eu-west-1.amazonaws.com`, isPrivate: true }
    : { ...common, type: 'basic', endpoint: `https://retyped-${i}.example.test`, username: 'robot' };
}

beforeAll(async () => {
  dir = await createTempDir('import-replace-budget');
  stored = manyRegistries(COUNT);
  seedStore(dir.path, stored);
  env = openTestServices(dir.path);
  // Written as the file holds them; nothing here is decrypted, so any ciphertext will do.
  const updatedAt = new Date().toISOString();
  const secrets = Object.fromEntries(
    stored.map((r) => [r.id, { [secretFieldsByType[r.type][0]!]: { ciphertext: 'v1:AAAA', updatedAt, origin: 'https://x.example.test' } }]),
  );
  env.storage.secretsStore.set({ secrets, originsBound: true });
});
afterAll(async () => {
  env?.close();
  await dir?.cleanup();
});

describe(`an import of ${COUNT.toLocaleString('en')} replacements into a store of ${COUNT.toLocaleString('en')}`, () => {
  it(`previews and applies within ${IMPORT_THOUSAND_REPLACEMENTS_MAX_MS} ms, in one write, keeping the secrets a type still uses`, async () => {
    const content = renderDraftFile(
      stored.map((r, i) => (i % 2 === 0 ? retyped(r, i) : r)),
      new Date().toISOString(),
    );
    let changes = 0;
    const off = env.services.registries.onChange(() => changes++);

    const started = performance.now();
    const preview = env.services.imports.preview(content);
    const resolutions = preview.conflicts.map((c) => ({ index: c.index, action: 'replace' as const }));
    const result = await env.services.imports.apply(content, resolutions);
    const elapsed = performance.now() - started;
    off();

    expect(preview.conflicts).toHaveLength(COUNT);
    expect(result.skipped).toEqual([]);
    expect(result.imported.map((r) => [r.id, r.action])).toEqual(stored.map((r) => [r.id, 'replaced']));
    expect(env.services.registries.list().map((r) => [r.id, r.name, r.type])).toEqual(
      stored.map((r, i) => [r.id, r.name, i % 2 === 0 ? retyped(r, i).type : r.type]),
    );
    expect(changes).toBe(1);
    const secrets = env.storage.secretsStore.get('secrets');
    expect(stored.filter((r) => secrets[r.id]).map((r) => r.id)).toEqual(stored.filter((_, i) => i % 2 === 1).map((r) => r.id));

    expect(elapsed, `${Math.round(elapsed)} ms`).toBeLessThan(IMPORT_THOUSAND_REPLACEMENTS_MAX_MS);
  }, 180_000);
});
