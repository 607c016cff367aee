// A data folder written by a newer version (a later layout, with fields this one does not know,
// such as a TLS pin): opened read-only with a notice naming both versions, and never rewritten.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../../../main/cli/index';
import { STORE_SCHEMA_VERSION } from '../../../../../main/services/store/store-schema';
import { DRAFT_FILE_FORMAT } from '../../../../../shared/model/draft-file';
import { basicRecord } from '../../../../fixtures/registry-records';
import { failureOf, openTestServices } from '../../../../fixtures/storage-services';
import { createTempDir, type TempDir } from '../../../../fixtures/temp-dir';

const NEWER = '2.1.0';
let temp: TempDir;
let dir: string;
beforeEach(async () => {
  temp = await createTempDir('newer-layout');
  dir = temp.path;
});
afterEach(() => temp.cleanup());

function writeNewerStore(): void {
  const record = { ...basicRecord({ id: 'r1', name: 'harbor' }), tls: { insecureSkipVerify: false, pinnedSha256: 'ab'.repeat(32) } };
  const file = { registries: [record], settings: { allowInsecureSecretStorage: false }, laterFeature: { on: true } };
  writeFileSync(join(dir, 'registries.json'), JSON.stringify({ ...file, __internal__: { migrations: { version: NEWER } } }, null, '\t'));
}

const bytes = (name: string) => readFileSync(join(dir, name), 'utf8');

async function regdesk(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { write: (chunk: string) => (stdout += chunk) }, { write: (chunk: string) => (stderr += chunk) });
  return { code, stdout, stderr };
}

describe('a store written by a newer version', () => {
  it('opens read-only in the app, with a notice naming both versions, and leaves the file byte for byte', async () => {
    writeNewerStore();
    const before = bytes('registries.json');
    const app = openTestServices(dir);
    const { services } = app;
    try {
      const [notice, ...others] = (await services.app.info()).storageNotices;
      expect(others).toEqual([]);
      expect(notice).toMatchObject({ code: 'STORE_NEWER_LAYOUT' });
      expect(notice!.message).toContain(NEWER);
      expect(notice!.message).toContain(STORE_SCHEMA_VERSION);
      expect(notice!.remedy).toMatch(/Update Pack Registry Desk/);
      expect(services.registries.listSummaries().map((r) => r.name)).toEqual(['harbor']);

      const draft = {
        type: 'basic',
        name: 'other',
        scope: 'system',
        endpoint: 'https://other.example.test',
        baseContentPath: '',
        username: 'u',
      };
      for (const change of [
        () => services.registries.create(draft as never),
        () => services.registries.duplicate('r1'),
        () => services.registries.delete('r1'),
        () => services.settings.update({ allowInsecureSecretStorage: true }),
        () => services.registries.recordValidation('r1', { ok: true, at: new Date().toISOString(), configFingerprint: 'x' }),
      ]) {
        expect((await failureOf(change)).code).toBe('STORE_READ_ONLY');
      }
      // A secret refused too: nothing is written beside registries this version cannot change.
      await expect(services.secrets.set({ registryId: 'r1', field: 'password' }, 'pw', 'persist')).rejects.toThrow();
    } finally {
      app.close();
    }
    expect(bytes('registries.json')).toBe(before);
    expect(bytes('registries.json')).toContain('pinnedSha256');
    expect(() => bytes('secrets.json')).toThrow(/ENOENT/);
  });

  it('makes the store read-only when only the secrets file is newer', async () => {
    writeFileSync(join(dir, 'secrets.json'), JSON.stringify({ secrets: {}, __internal__: { migrations: { version: '9.0.0' } } }));
    const before = bytes('secrets.json');
    const app = openTestServices(dir);
    const { services } = app;
    try {
      expect((await services.app.info()).storageNotices[0]!.message).toContain('9.0.0');
      expect((await failureOf(() => services.settings.update({ allowInsecureSecretStorage: true }))).code).toBe('STORE_READ_ONLY');
    } finally {
      app.close();
    }
    expect(bytes('secrets.json')).toBe(before);
  });

  it('is listed by regdesk with the notice, and an import into it changes nothing', async () => {
    writeNewerStore();
    const before = bytes('registries.json');
    const list = await regdesk('list', '--data-dir', dir);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('harbor');
    expect(list.stderr).toMatch(new RegExp(`store layout ${NEWER.replace(/\./g, '\\.')}; this version writes ${STORE_SCHEMA_VERSION}`));

    const draftFile = join(temp.path, 'drafts.json');
    const draft = {
      type: 'basic',
      name: 'other',
      scope: 'system',
      endpoint: 'https://other.example.test',
      baseContentPath: '',
      username: 'u',
    };
    writeFileSync(draftFile, JSON.stringify({ format: DRAFT_FILE_FORMAT, version: 1, registries: [draft] }));
    const imported = await regdesk('import', draftFile, '--data-dir', dir);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain('[STORE_READ_ONLY]');
    expect(bytes('registries.json')).toBe(before);
  });

  it('is an older or equal layout opened as usual', async () => {
    writeFileSync(
      join(dir, 'registries.json'),
      JSON.stringify({
        registries: [],
        settings: { allowInsecureSecretStorage: false },
        __internal__: { migrations: { version: '1.0.0' } },
      }),
    );
    const app = openTestServices(dir);
    const { services } = app;
    try {
      expect((await services.app.info()).storageNotices).toEqual([]);
      await services.settings.update({ allowInsecureSecretStorage: true });
    } finally {
      app.close();
    }
  });
});
