import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicRecord, seedStore } from '../../fixtures/registry-records';
import pkg from '../../../package.json' with { type: 'json' };

const run = promisify(execFile);
const BIN = resolve('bin/regdesk.js');
let dir: string;

beforeAll(() => {
  // `npm test` builds first; running this file alone needs `npm run build`.
  if (!existsSync(resolve('out/cli/regdesk.js'))) throw new Error('out/cli/regdesk.js is missing: run `npm run build` first.');
  dir = mkdtempSync(join(tmpdir(), 'regdesk-bin-'));
});
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('the built regdesk command on plain Node', () => {
  it('runs from its bin entry and reports the package version', async () => {
    const { stdout } = await run(process.execPath, [BIN, '--version']);
    expect(stdout).toBe(`${pkg.version}\n`);
  });

  it('reads the same store file the app writes', async () => {
    seedStore(dir, [basicRecord({ name: 'from-the-app' })]);
    const { stdout } = await run(process.execPath, [BIN, 'list', '--data-dir', dir]);
    expect(stdout).toContain('from-the-app');
  });

  it.each(['list', 'info', 'export', 'diagnostics'])(
    '%s refuses a --data-dir that does not exist, and does not create it',
    async (command) => {
      const typo = join(dir, 'regdsk-typo');
      await expect(run(process.execPath, [BIN, command, '--data-dir', typo])).rejects.toMatchObject({
        code: 2,
        stderr: expect.stringContaining('does not exist: nothing was ever stored there'),
      });
      expect(existsSync(typo)).toBe(false);
    },
  );

  it('exits 2 with usage on an unknown command', async () => {
    await expect(run(process.execPath, [BIN, 'frobnicate'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Usage: regdesk'),
    });
  });
});
