import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../main/cli/args';
import { dataDirOption } from '../../../main/cli/data-dir';
import { printable, quoted } from '../../../main/cli/io';
import { readInputFile } from '../../../main/cli/read-input-file';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';

// The pieces the command-line sweep (cli-malformed-args.test.ts) leans on, each pinned on its own
// so that a failure there points at the rule that broke.

let temp: TempDir;
beforeAll(async () => {
  temp = await createTempDir('cli-sweep-helpers');
});
afterAll(() => temp?.cleanup());

describe('parseCommandLine', () => {
  const options = { scope: { type: 'string' }, name: { type: 'string', multiple: true }, json: { type: 'boolean' } } as const;

  it('refuses an option given twice unless it is multiple', () => {
    expect(parseCommandLine({ args: ['--scope', 'system', '--scope', 'tenant'], options })).toEqual({
      error: '--scope is given more than once; give it once',
    });
    expect(parseCommandLine({ args: ['--json', '--json'], options })).toEqual({ error: '--json is given more than once; give it once' });
    expect(parseCommandLine({ args: ['--name', 'a', '--name', 'b'], options })).toMatchObject({ values: { name: ['a', 'b'] } });
  });

  it("answers parseArgs' own refusals as an error, never a throw", () => {
    for (const args of [['--bogus'], ['--scope'], ['--scope', '--json'], ['--json=yes'], ['positional']]) {
      expect(parseCommandLine({ args, options }), args.join(' ')).toHaveProperty('error');
    }
  });
});

describe('quoted and printable', () => {
  it('escape what a terminal would act on and keep the message short', () => {
    expect(quoted('\u001b[2Jgone')).toBe('"\\u001b[2Jgone"');
    expect(quoted('a\nb\tc')).toBe('"a\\nb\\tc"');
    expect(quoted('x'.repeat(10_000)).length).toBeLessThanOrEqual(82);
    expect(printable("Unknown option '--\u0007'")).toBe("Unknown option '--\\u0007'");
    expect(printable('line one\nline two')).toBe('line one\nline two');
    expect(printable('y'.repeat(10_000)).length).toBeLessThanOrEqual(400);
  });
});

describe('dataDirOption', () => {
  it('takes a folder, or one still to be made, and refuses an empty value or a file', async () => {
    const file = join(temp.path, 'a-file');
    await writeFile(file, '{}');
    expect(await dataDirOption(temp.path)).toEqual({ dir: temp.path });
    expect(await dataDirOption(join(temp.path, 'new'))).toEqual({ dir: join(temp.path, 'new') });
    // A command that only reads refuses a folder that is not there: a typo must not read as "nothing stored".
    expect(await dataDirOption(join(temp.path, 'new'), { reading: true })).toMatchObject({
      error: expect.stringMatching(/does not exist: nothing was ever stored there$/),
    });
    expect(await dataDirOption(temp.path, { reading: true })).toEqual({ dir: temp.path });
    expect(await dataDirOption('')).toEqual({ error: '--data-dir needs a folder' });
    expect(await dataDirOption('  ')).toEqual({ error: '--data-dir needs a folder' });
    expect(await dataDirOption(file)).toMatchObject({ error: expect.stringMatching(/is a file, not a folder$/) });
    expect(await dataDirOption(join(file, 'below'))).toMatchObject({
      error: expect.stringMatching(/cannot be used as a folder \(ENOTDIR\)/),
    });
  });
});

describe('readInputFile', () => {
  it('reads a regular file up to the limit and nothing else', async () => {
    const small = join(temp.path, 'small.json');
    await writeFile(small, '{"a":1}');
    expect(await readInputFile(small, 100)).toEqual({ ok: true, text: '{"a":1}' });
    expect(await readInputFile(small, 3)).toEqual({ ok: false, problem: 'too-large' });
    expect(await readInputFile(join(temp.path, 'missing'), 100)).toEqual({ ok: false, problem: 'unreadable', code: 'ENOENT' });
    await mkdir(join(temp.path, 'folder'));
    expect(await readInputFile(join(temp.path, 'folder'), 100)).toEqual({ ok: false, problem: 'not-a-file' });
  });

  it('neither hangs on a FIFO nor reads /dev/zero forever', async () => {
    if (existsSync('/dev/zero')) expect(await readInputFile('/dev/zero', 100)).toEqual({ ok: false, problem: 'not-a-file' });
    const fifo = join(temp.path, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(await readInputFile(fifo, 100)).toEqual({ ok: false, problem: 'not-a-file' });
  });
});
