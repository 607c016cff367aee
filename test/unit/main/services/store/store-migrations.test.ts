import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_SCHEMA_VERSION } from '../../../../../main/services/store/store-schema';
import { openTestServices, type TestServices } from '../../../../fixtures/storage-services';

const V0_FIXTURE = resolve('test/fixtures/store-v0/registries.json');
let dir: string;
let opened: TestServices[] = [];
const open = () => {
  const services = openTestServices(dir);
  opened.push(services);
  return services.services;
};
const file = () => join(dir, 'registries.json');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'regdesk-migrate-'));
});
afterEach(() => {
  opened.forEach((s) => s.close());
  opened = [];
  rmSync(dir, { recursive: true, force: true });
});

describe('store migrations', () => {
  it('brings a file of the first layout to the current one: names made unique per scope, settings added', async () => {
    copyFileSync(V0_FIXTURE, file());
    const services = open();
    const summaries = services.registries.listSummaries();
    expect(summaries.map((r) => [r.scope, r.name, r.validation.state])).toEqual([
      ['tenant', 'ecr-prod', 'never'],
      ['system', 'harbor-packs', 'validated'],
      ['tenant', 'harbor-packs', 'never'],
      ['system', 'Harbor-Packs (2)', 'never'],
      ['system', 'harbor-packs (3)', 'never'],
    ]);
    // Nothing else about the records changed: same ids, endpoints and timestamps.
    const before = JSON.parse(readFileSync(V0_FIXTURE, 'utf8')) as {
      registries: Array<{ id: string; endpoint: string; updatedAt: string }>;
    };
    expect(services.registries.list().map((r) => [r.id, r.endpoint, r.updatedAt])).toEqual(
      before.registries.map((r) => [r.id, r.endpoint, r.updatedAt]),
    );
    expect(services.settings.get()).toEqual({ allowInsecureSecretStorage: false });
    expect((await services.app.info()).storageNotices).toEqual([]);
    const migrated = JSON.parse(readFileSync(file(), 'utf8')) as { __internal__: { migrations: { version: string } } };
    expect(migrated.__internal__.migrations.version).toBe(STORE_SCHEMA_VERSION);
  });

  it('runs once: opening the migrated file again changes nothing', () => {
    copyFileSync(V0_FIXTURE, file());
    open();
    const afterFirst = readFileSync(file(), 'utf8');
    open();
    expect(readFileSync(file(), 'utf8')).toBe(afterFirst);
  });

  it('does not run on a fresh store, which starts at the current layout', () => {
    open();
    const fresh = JSON.parse(readFileSync(file(), 'utf8')) as Record<string, unknown>;
    expect(fresh).toEqual({
      registries: [],
      settings: { allowInsecureSecretStorage: false },
      __internal__: { migrations: { version: STORE_SCHEMA_VERSION } },
    });
  });

  it('leaves what it does not recognize to the schema check, which moves the file aside instead of guessing', async () => {
    writeFileSync(file(), JSON.stringify({ registries: 'not a list' }));
    const services = open();
    expect(services.registries.listSummaries()).toEqual([]);
    expect((await services.app.info()).storageNotices).toMatchObject([{ code: 'STORE_UNREADABLE' }]);
    const [backup] = readdirSync(dir).filter((name) => name.includes('.unreadable-'));
    expect(readFileSync(join(dir, backup!), 'utf8')).toBe(JSON.stringify({ registries: 'not a list' }));
  });
});
