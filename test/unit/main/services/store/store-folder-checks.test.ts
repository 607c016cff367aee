// Store files that are symbolic links, and (POSIX) a data folder someone else owns or may write:
// refused with the remedy before anything is read or written, and named in the diagnostics file.
import { chmodSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../../../main/cli/index';
import { assertSafeDataFolder, checkDataFolder } from '../../../../../main/services/store/folder-checks';
import { AppErrorException } from '../../../../../shared/errors';
import { DRAFT_FILE_FORMAT } from '../../../../../shared/model/draft-file';
import { basicRecord, seedStore } from '../../../../fixtures/registry-records';
import { failureOf, openTestServices } from '../../../../fixtures/storage-services';
import { createTempDir, type TempDir } from '../../../../fixtures/temp-dir';

const posix = process.platform !== 'win32';
let temp: TempDir;
let dir: string;
let outside: string;
beforeEach(async () => {
  temp = await createTempDir('folder-checks');
  dir = join(temp.path, 'data');
  seedStore(dir, [basicRecord({ name: 'harbor' })]);
  chmodSync(dir, 0o700);
  // What a link would have the app write over: a file of the user's elsewhere.
  outside = join(temp.path, 'precious.json');
  writeFileSync(outside, '{"registries": [], "precious": true}');
});
afterEach(() => temp.cleanup());

const draft = { type: 'basic', name: 'other', scope: 'system', endpoint: 'https://other.example.test', baseContentPath: '', username: 'u' };

async function regdeskImport() {
  const file = join(temp.path, 'drafts.json');
  writeFileSync(file, JSON.stringify({ format: DRAFT_FILE_FORMAT, version: 1, registries: [draft] }));
  let stderr = '';
  const code = await main(['import', file, '--data-dir', dir], { write: () => true }, { write: (chunk: string) => (stderr += chunk) });
  return { code, stderr };
}

function unsafeOpen(): AppErrorException['appError'] {
  try {
    openTestServices(dir).close();
  } catch (error) {
    if (error instanceof AppErrorException) return error.appError;
    throw error;
  }
  throw new Error('the folder was opened');
}

describe('store files that are symbolic links', () => {
  it.each(['registries.json', 'secrets.json'])(
    'refuses %s as a link, at start and in regdesk, and writes nothing through it',
    async (name) => {
      if (name === 'registries.json') renameSync(join(dir, name), join(temp.path, 'moved.json'));
      symlinkSync(outside, join(dir, name));
      const error = unsafeOpen();
      expect(error).toMatchObject({ code: 'STORE_UNSAFE', message: expect.stringContaining(`${name} is a symbolic link`) });
      expect(error.remedy).toMatch(/Replace the link with the file itself/);
      const imported = await regdeskImport();
      expect(imported.code).toBe(1);
      expect(imported.stderr).toContain('[STORE_UNSAFE]');
      expect(readFileSync(outside, 'utf8')).toBe('{"registries": [], "precious": true}');
    },
  );

  it('refuses a change once a link has been planted after the start', async () => {
    const app = openTestServices(dir);
    try {
      renameSync(join(dir, 'registries.json'), join(temp.path, 'moved.json'));
      symlinkSync(outside, join(dir, 'registries.json'));
      expect((await failureOf(() => app.services.registries.create(draft as never))).code).toBe('STORE_UNSAFE');
      expect(readFileSync(outside, 'utf8')).toBe('{"registries": [], "precious": true}');
    } finally {
      app.close();
    }
  });
});

describe.runIf(posix)('the data folder on POSIX', () => {
  it.each([
    ['770', 'its group'],
    ['707', 'others'],
    ['777', 'group and others'],
  ])('refuses a folder of mode %s, writable by %s, with the chmod remedy', async (mode, who) => {
    chmodSync(dir, parseInt(mode, 8));
    const error = unsafeOpen();
    expect(error.message).toContain(`writable by ${who} (mode ${mode})`);
    expect(error.remedy).toContain('chmod 700');
    expect((await regdeskImport()).stderr).toContain('[STORE_UNSAFE]');
  });

  it('refuses a folder that belongs to another user', () => {
    const otherUser = process.getuid!() + 1;
    const check = checkDataFolder(dir, { uid: otherUser }).find((c) => c.check === 'folder-owner');
    expect(check).toMatchObject({ ok: false, problem: 'the data folder belongs to another user' });
    expect(() => assertSafeDataFolder(dir, { uid: otherUser })).toThrow(/belongs to another user/);
    expect(() => assertSafeDataFolder(dir)).not.toThrow();
  });

  it('leaves ownership and modes to Windows, which has neither in this form', () => {
    chmodSync(dir, 0o777);
    expect(checkDataFolder(dir, { platform: 'win32' }).map((c) => c.check)).toEqual(['registries-file-not-link', 'secrets-file-not-link']);
  });

  it('names the failed checks in the diagnostics file, with their remedy and no path', async () => {
    const app = openTestServices(dir);
    try {
      chmodSync(dir, 0o775);
      const { content } = await app.services.diagnostics.render();
      const document = JSON.parse(content) as { storeChecks: Array<{ check: string; ok: boolean; remedy?: string }> };
      expect(document.storeChecks).toEqual([
        { check: 'registries-file-not-link', ok: true },
        { check: 'secrets-file-not-link', ok: true },
        { check: 'folder-owner', ok: true },
        expect.objectContaining({ check: 'folder-not-shared-writable', ok: false, remedy: expect.stringContaining('chmod 700') }),
      ]);
      expect(JSON.stringify(document.storeChecks)).not.toContain(temp.path);
    } finally {
      chmodSync(dir, 0o700);
      app.close();
    }
  });
});
