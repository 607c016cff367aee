import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { basicRecord, seedStore } from '../../../../fixtures/registry-records';
import { openTestServices, type TestServices } from '../../../../fixtures/storage-services';

let dir: string;
let opened: TestServices[] = [];
const AT = new Date('2026-06-01T08:30:00.000Z');
const open = () => {
  const services = openTestServices(dir, { now: () => AT });
  opened.push(services);
  return services.services;
};
const registriesFile = () => join(dir, 'registries.json');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'regdesk-recovery-'));
});
afterEach(() => {
  opened.forEach((s) => s.close());
  opened = [];
  rmSync(dir, { recursive: true, force: true });
});

const damaged: Array<[string, string, RegExp]> = [
  ['garbage', '{"registries": [ {"id": "half-writ', /not valid JSON/],
  ['an empty file', '', /not valid JSON/],
  ['JSON that is not an object', '[1, 2, 3]', /not a JSON object/],
  ['schema-invalid JSON', JSON.stringify({ registries: [{ id: 1, name: '' }] }), /does not match the expected layout at registries\.0/],
  [
    'a record of an unknown type',
    JSON.stringify({ registries: [{ ...basicRecord(), type: 'gcr' }] }),
    /does not match the expected layout/,
  ],
  ['settings of the wrong type', JSON.stringify({ registries: [], settings: { allowInsecureSecretStorage: 'yes' } }), /at settings/],
];

describe('a registries file that cannot be used at start', () => {
  it.each(damaged)(
    'is moved aside byte for byte when it holds %s, and the app starts empty and says where it went',
    async (_label, content, reason) => {
      writeFileSync(registriesFile(), content);
      const services = open();
      expect(services.registries.listSummaries()).toEqual([]);

      const backupPath = join(dir, 'registries.unreadable-2026-06-01T08-30-00-000Z.json');
      expect(readFileSync(backupPath, 'utf8')).toBe(content);
      const { storageNotices } = await services.app.info();
      expect(storageNotices).toEqual([
        {
          code: 'STORE_UNREADABLE',
          message: expect.stringMatching(reason),
          remedy: expect.stringContaining('kept, renamed, in the same folder'),
          backupPath,
          at: AT.toISOString(),
        },
      ]);
      // The fresh store works, and the next start finds nothing wrong.
      await services.registries.create({
        type: 'basic',
        name: 'new',
        scope: 'system',
        endpoint: 'https://n.example.test',
        baseContentPath: '',
        username: '',
        tls: { insecureSkipVerify: false },
      });
      expect((await open().app.info()).storageNotices).toEqual([]);
      expect(readFileSync(backupPath, 'utf8')).toBe(content);
    },
  );

  it('keeps every backup: a second damaged file at the same instant gets its own name', () => {
    writeFileSync(registriesFile(), 'first damage');
    open();
    writeFileSync(registriesFile(), 'second damage');
    open();
    const backups = readdirSync(dir)
      .filter((name) => name.includes('.unreadable-'))
      .sort();
    expect(backups).toEqual([
      'registries.unreadable-2026-06-01T08-30-00-000Z-2.json',
      'registries.unreadable-2026-06-01T08-30-00-000Z.json',
    ]);
    expect(backups.map((name) => readFileSync(join(dir, name), 'utf8'))).toEqual(['second damage', 'first damage']);
  });

  it('leaves a good file alone and reports nothing', async () => {
    seedStore(dir, [basicRecord({ name: 'fine' })]);
    const services = open();
    expect(services.registries.listSummaries().map((r) => r.name)).toEqual(['fine']);
    expect((await services.app.info()).storageNotices).toEqual([]);
    expect(readdirSync(dir).filter((name) => name.includes('.unreadable-'))).toEqual([]);
  });
});

describe('a secrets file that cannot be used at start', () => {
  it('is moved aside on its own: registries stay, their secrets are asked for again', async () => {
    seedStore(dir, [basicRecord({ name: 'harbor', id: 'r1' })]);
    writeFileSync(join(dir, 'secrets.json'), '{"secrets": {"r1": {"password": 42}}}');
    const services = open();
    expect(services.registries.listSummaries().map((r) => r.name)).toEqual(['harbor']);
    expect(await services.secrets.status('r1')).toEqual([{ field: 'password', stored: false, usable: false }]);
    const [notice] = (await services.app.info()).storageNotices;
    expect(notice).toMatchObject({ code: 'SECRETS_UNREADABLE', backupPath: join(dir, 'secrets.unreadable-2026-06-01T08-30-00-000Z.json') });
    expect(existsSync(notice!.backupPath!)).toBe(true);
  });
});

describe('temp files left by a killed write', () => {
  it('are removed once they are old enough not to belong to a write in progress', () => {
    seedStore(dir, []);
    const stale = join(dir, 'registries.json.tmp-1234567890abcdef');
    const fresh = join(dir, 'registries.json.tmp-1234567891abcdef');
    const unrelated = join(dir, 'notes.json.tmp-1234567890abcdef');
    for (const file of [stale, fresh, unrelated]) writeFileSync(file, '{}');
    const twoMinutesAgo = new Date(AT.getTime() - 120_000);
    utimesSync(stale, twoMinutesAgo, twoMinutesAgo);
    utimesSync(unrelated, twoMinutesAgo, twoMinutesAgo);
    utimesSync(fresh, AT, AT);
    open();
    expect([existsSync(stale), existsSync(fresh), existsSync(unrelated)]).toEqual([false, true, true]);
  });
});
