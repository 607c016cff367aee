// REGDESK_USER_DATA_DIR, read by the app and by `regdesk` through one rule: `regdesk` honours it
// (with --data-dir still first), and a relative value is refused in both rather than resolved
// against whatever folder each process happened to start in.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../../main/cli/index';
import { DATA_DIR_VARIABLE, dataDirFromEnvironment } from '../../../../main/services/app-paths';
import { basicRecord, seedStore } from '../../../fixtures/registry-records';
import { createTempDir, type TempDir } from '../../../fixtures/temp-dir';

async function regdesk(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { write: (chunk: string) => (stdout += chunk) }, { write: (chunk: string) => (stderr += chunk) });
  return { code, stdout, stderr };
}

let temp: TempDir;
beforeEach(async () => {
  temp = await createTempDir('data-dir-setting');
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await temp.cleanup();
});

describe('the data folder setting', () => {
  it('is the default when unset or empty, used as given when absolute, refused when relative', () => {
    expect(dataDirFromEnvironment({})).toEqual({ dir: undefined });
    expect(dataDirFromEnvironment({ [DATA_DIR_VARIABLE]: '  ' })).toEqual({ dir: undefined });
    expect(dataDirFromEnvironment({ [DATA_DIR_VARIABLE]: temp.path })).toEqual({ dir: temp.path });
    for (const relative of ['data', './data', '../elsewhere/data', '~/regdesk']) {
      const setting = dataDirFromEnvironment({ [DATA_DIR_VARIABLE]: relative });
      expect(setting).toMatchObject({ error: expect.stringContaining(`${DATA_DIR_VARIABLE} must be an absolute path, not "${relative}"`) });
    }
  });

  it('is honoured by regdesk, and --data-dir still wins over it', async () => {
    const fromVariable = join(temp.path, 'from-variable');
    const fromOption = join(temp.path, 'from-option');
    seedStore(fromVariable, [basicRecord({ name: 'in-variable-folder' })]);
    seedStore(fromOption, [basicRecord({ name: 'in-option-folder' })]);
    vi.stubEnv(DATA_DIR_VARIABLE, fromVariable);

    const info = await regdesk('info', '--json');
    expect(info.code).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ dataDir: fromVariable });
    expect((await regdesk('list')).stdout).toContain('in-variable-folder');

    const list = await regdesk('list', '--data-dir', fromOption);
    expect(list.stdout).toContain('in-option-folder');
    expect(list.stdout).not.toContain('in-variable-folder');
  });

  it('is refused by regdesk when relative, with the reason, before anything is read or written', async () => {
    vi.stubEnv(DATA_DIR_VARIABLE, 'relative/data');
    for (const command of [['info'], ['list'], ['import', join(temp.path, 'drafts.json')], ['export']]) {
      const result = await regdesk(...command);
      expect(result.code, command[0]).toBe(2);
      expect(result.stderr).toContain(`${DATA_DIR_VARIABLE} must be an absolute path, not "relative/data"`);
      expect(result.stdout).toBe('');
    }
    // --data-dir first: the variable is not even looked at.
    const seeded = join(temp.path, 'given');
    seedStore(seeded, []);
    expect((await regdesk('list', '--data-dir', seeded)).code).toBe(0);
  });
});
