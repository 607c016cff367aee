import Conf from 'conf';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRegistryRepository } from '../../../../../main/services/store/registry-repository';
import { AppErrorException } from '../../../../../shared/errors';
import { storeOptions, type StoreShape } from '../../../../../main/services/store/store-options';
import { basicRecord, ecrRecord, seedStore, withValidation } from '../../../../fixtures/registry-records';

let dir: string;
const open = (watch = false) => new Conf<StoreShape>({ ...storeOptions(dir), watch });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'regdesk-repo-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('registry repository', () => {
  it('starts empty', () => {
    expect(createRegistryRepository(open()).listSummaries()).toEqual([]);
  });

  it('lists summaries sorted by name and filtered by scope', () => {
    seedStore(dir, [basicRecord({ name: 'zeta', scope: 'system' }), ecrRecord({ name: 'alpha', scope: 'tenant' }), basicRecord({ name: 'beta', scope: 'system' })]);
    const repo = createRegistryRepository(open());
    expect(repo.listSummaries().map((r) => r.name)).toEqual(['alpha', 'beta', 'zeta']);
    expect(repo.listSummaries('system').map((r) => r.name)).toEqual(['beta', 'zeta']);
    expect(repo.listSummaries('tenant').map((r) => [r.name, r.type])).toEqual([['alpha', 'ecr']]);
  });

  it('derives the validation state from the stored result and the configuration fingerprint', () => {
    const validated = withValidation(basicRecord({ name: 'a' }), true, '2026-11-01T10:00:00.000Z');
    const failed = withValidation(basicRecord({ name: 'b' }), false);
    const stale = { ...withValidation(basicRecord({ name: 'c' }), true), endpoint: 'https://moved.example.test' };
    const renamed = { ...withValidation(basicRecord({ name: 'd-old' }), true), name: 'd' };
    seedStore(dir, [validated, failed, stale, renamed, basicRecord({ name: 'e' })]);
    const states = createRegistryRepository(open()).listSummaries().map((r) => [r.name, r.validation.state]);
    expect(states).toEqual([
      ['a', 'validated'],
      ['b', 'failed'],
      ['c', 'stale'],
      ['d', 'validated'],
      ['e', 'never'],
    ]);
    expect(createRegistryRepository(open()).listSummaries()[0]?.validation.at).toBe('2026-11-01T10:00:00.000Z');
  });

  it('reports a schema-invalid store with a stable code and where the file is', () => {
    writeFileSync(join(dir, 'registries.json'), JSON.stringify({ registries: [{ id: 1, name: '' }] }));
    const repo = createRegistryRepository(open());
    let thrown: unknown;
    try {
      repo.listSummaries();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppErrorException);
    const { code, remedy } = (thrown as AppErrorException).appError;
    expect(code).toBe('STORE_UNREADABLE');
    expect(remedy).toContain(join(dir, 'registries.json'));
  });

  it('notices changes written by another process', async () => {
    const repo = createRegistryRepository(open(true));
    repo.listSummaries();
    const changed = new Promise<void>((resolve) => {
      const off = repo.onChange(() => {
        off();
        resolve();
      });
    });
    seedStore(dir, [basicRecord({ name: 'from-elsewhere' })]);
    await changed;
    expect(repo.listSummaries().map((r) => r.name)).toEqual(['from-elsewhere']);
  });
});
