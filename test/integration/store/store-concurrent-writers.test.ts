// Several `regdesk import` processes at once on one data folder, as an admin's scripts may run
// them: each one that says it imported its registry must find it stored afterwards. Before the
// data folder had a lock, 8 at once left only 2 or 3 of their 8 registries.
import Conf from 'conf';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeOptions, type StoreShape } from '../../../main/services/store/store-options';
import { STORE_LOCK_NAME } from '../../../main/services/store/store-lock';
import { DRAFT_FILE_FORMAT } from '../../../shared/model/draft-file';
import { manyRegistries, seedStore } from '../../fixtures/registry-records';
import { runCommand, type CommandResult } from '../../fixtures/run-command';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';

const BIN = resolve('bin/regdesk.js');
const WRITERS = 8;
const ROUNDS = 4;
const SEEDED = 400;

let temp: TempDir;
let dataDir: string;

beforeAll(async () => {
  if (!existsSync(resolve('out/cli/regdesk.js'))) throw new Error('out/cli/regdesk.js is missing: run `npm run build` first.');
  temp = await createTempDir('concurrent-writers');
  dataDir = join(temp.path, 'data');
  seedStore(dataDir, manyRegistries(SEEDED));
});
afterAll(() => temp?.cleanup());

function draftFile(name: string, n: number): string {
  const path = join(temp.path, `${name}.json`);
  const draft = {
    type: 'basic',
    name,
    scope: 'tenant',
    endpoint: `https://writer-${n}.example.test`,
    baseContentPath: 'packs',
    username: 'robot',
  };
  writeFileSync(path, JSON.stringify({ format: DRAFT_FILE_FORMAT, version: 1, registries: [draft] }));
  return path;
}

function storedNames(): Set<string> {
  const store = new Conf<StoreShape>({ ...storeOptions(dataDir), watch: false });
  return new Set(store.get('registries').map((r) => r.name));
}

describe('regdesk import processes writing one store at once', () => {
  it(`keeps every import that reported success: ${WRITERS} writers, ${ROUNDS} rounds, ${SEEDED} registries stored`, async () => {
    const started = performance.now();
    const reported: string[] = [];
    const refused: CommandResult[] = [];
    const unexpected: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const names = Array.from({ length: WRITERS }, (_, i) => `writer-r${round}-${i + 1}`);
      const files = names.map((name, i) => draftFile(name, round * WRITERS + i));
      // All spawned before any is awaited: real processes racing for the same file.
      const results = await Promise.all(
        files.map((file) => runCommand(process.execPath, [BIN, 'import', file, '--data-dir', dataDir], { timeoutMs: 60_000 })),
      );
      results.forEach((result, i) => {
        if (result.exitCode === 0 && result.stdout.includes('Imported 1 of 1 registry')) reported.push(names[i]!);
        // The one acceptable failure: the lock was busy too long, said so, and nothing was changed.
        else if (result.exitCode === 1 && result.stderr.includes('[STORE_BUSY]')) refused.push(result);
        else unexpected.push(`${names[i]}: exit ${result.exitCode}: ${result.stderr.trim()}`);
      });
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const stored = storedNames();
    const lost = reported.filter((name) => !stored.has(name));
    console.log(
      `concurrent writers: ${WRITERS} processes x ${ROUNDS} rounds on ${SEEDED} registries in ${seconds}s: ` +
        `${reported.length} reported success, ${lost.length} of them lost, ${refused.length} refused as busy`,
    );
    expect(unexpected).toEqual([]);
    expect(lost).toEqual([]);
    expect(reported.length).toBeGreaterThan(0);
    // Refused writers changed nothing: the store holds exactly the seed plus the reported imports.
    expect(stored.size).toBe(SEEDED + reported.length);
    expect(existsSync(join(dataDir, STORE_LOCK_NAME)), 'every writer released the lock').toBe(false);
    expect(JSON.parse(readFileSync(join(dataDir, 'registries.json'), 'utf8'))).toHaveProperty('registries');
  }, 240_000);
});
