import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DRAFT_FILE_FORMAT } from '../../../shared/model/draft-file';
import { canarySecret } from '../../fixtures/canary';
import { runCommand } from '../../fixtures/run-command';
import { openTestServices } from '../../fixtures/storage-services';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';
import { setNetworkTripwire, type NetworkTripwire } from '../ipc-sweep/network-tripwire';
import { fingerprintFolder } from '../ipc-sweep/sweep-world';
import { discoverCommands, malformedArgv, regdesk, type Case, type Command, type Fixture } from './cli-malformed-args.argv';

// Every `regdesk` subcommand, discovered from `regdesk --help`, gets malformed command
// lines; each must exit 2 (1 where the usage says a file is the operation's input) with one
// `regdesk` line on stderr, nothing on stdout, no stack trace, no connection and no change on disk.

const RUNS_PER_COMMAND = 200;
const BIN = resolve('bin/regdesk.js');
const BUILT = resolve('out/cli/regdesk.js');
const startDir = process.cwd();

let temp: TempDir;
let tripwire: NetworkTripwire;
const files: Record<string, string> = {};

const commands = await discoverCommands();

beforeAll(async () => {
  temp = await createTempDir('cli-sweep');
  const config = join(temp.path, 'config');
  // The command's default data folder ($XDG_CONFIG_HOME/Pack Registry Desk) is this store.
  vi.stubEnv('XDG_CONFIG_HOME', config);
  for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'AWS_PROFILE']) vi.stubEnv(name, '');
  const store = openTestServices(join(config, 'Pack Registry Desk'));
  const common = { baseContentPath: 'packs', tls: { insecureSkipVerify: false } };
  const basic = await store.services.registries.create({
    ...common,
    type: 'basic',
    name: 'harbor',
    scope: 'system',
    endpoint: 'https://h.example.test',
    username: 'robot',
  });
  await store.services.secrets.set({ registryId: basic.record.id, field: 'password' }, canarySecret('cli-sweep'), 'persist');
  const ecrEndpoint = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
  await store.services.registries.create({ ...common, type: 'ecr', name: 'ecr', scope: 'tenant', endpoint: ecrEndpoint, isPrivate: false });
  store.close();
  // A command that wrongly takes a relative path would write here, inside the fingerprinted folder, not in the repository.
  await mkdir(join(temp.path, 'cwd'));
  process.chdir(join(temp.path, 'cwd'));

  const dir = join(temp.path, 'files');
  await mkdir(join(dir, 'a-folder'), { recursive: true });
  const write = async (name: string, content: string | Buffer) => (await writeFile(join(dir, name), content), join(dir, name));
  const draft = { type: 'basic', name: 'imported', scope: 'system', endpoint: 'https://127.0.0.1:9' };
  files['draft'] = await write('draft.json', JSON.stringify({ format: DRAFT_FILE_FORMAT, version: 1, registries: [draft] }));
  files['notJson'] = await write('not-json.json', '{"format":');
  files['empty'] = await write('empty.json', '');
  files['binary'] = await write('binary.bin', Buffer.from([0, 159, 146, 150, 255, 0, 1]));
  files['otherJson'] = await write('other.json', '{"registries":[]}');
  files['folder'] = join(dir, 'a-folder');
  files['missing'] = join(dir, 'missing.json');
  files['underAFile'] = join(files['notJson'], 'below');
  if (existsSync('/dev/zero')) files['devZero'] = '/dev/zero';
  try {
    execFileSync('mkfifo', [join(dir, 'a-fifo')]);
    files['fifo'] = join(dir, 'a-fifo');
  } catch {
    // No mkfifo here: the other non-files still cover "not a regular file".
  }
  tripwire = setNetworkTripwire();
});
afterAll(async () => {
  process.chdir(startDir);
  tripwire?.restore();
  vi.unstubAllEnvs();
  await temp?.cleanup();
});

/** A command line that is right, so that the one mistake added to it is what the command must catch. */
const baselineOf = (command: Command): string[] =>
  command.name === 'validate' ? ['https://127.0.0.1:9'] : command.name === 'import' ? [files['draft']!] : [];
const fixtureFor = (command: Command): Fixture => ({ files, scratch: temp.path, baseline: baselineOf(command) });

/** What a person sees when the command line was wrong: one `regdesk` line saying so, then perhaps the usage. */
function expectCleanRefusal(result: { code: number | null; stdout: string; stderr: string }, expected: 1 | 2, argv: string[]): void {
  const context = JSON.stringify(argv).slice(0, 300);
  expect(result.code, context).toBe(expected);
  expect(result.stdout, context).toBe('');
  expect(result.stderr, context).toMatch(/^regdesk( [a-z-]+)?: \S/);
  // A wrong command line gets one line; a file that stops an import may list each of its problems.
  const lines = result.stderr.match(/^regdesk( [a-z-]+)?: /gm) ?? [];
  if (expected === 2) expect(lines, context).toHaveLength(1);
  expect(result.stderr, context).not.toMatch(/^\s+at |\n\s+at |Error:|\(node:|\[object /);
  // eslint-disable-next-line no-control-regex -- a terminal acts on these; only newlines may reach it
  expect(result.stderr, context).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  expect(result.stderr.length, context).toBeLessThan(6000);
}

describe('regdesk subcommands', () => {
  it('are discovered from --help, each documenting its own options', async () => {
    expect(commands.length).toBeGreaterThanOrEqual(5);
    expect(commands.map((c) => c.name)).toEqual(expect.arrayContaining(['validate', 'list', 'export', 'import', 'info']));
    for (const { name } of commands) expect((await regdesk([name, '--help'])).code, `${name} --help`).toBe(0);
  });

  it('start from command lines that are right', async () => {
    for (const command of commands.filter((c) => ['list', 'info', 'export'].includes(c.name))) {
      expect((await regdesk([command.name, ...baselineOf(command)])).code, command.name).toBe(0);
    }
    // validate's baseline gets as far as connecting, which the tripwire refuses.
    expect((await regdesk(['validate', ...baselineOf(commands.find((c) => c.name === 'validate')!)])).code).toBe(1);
    expect(tripwire.attempts).toEqual(['127.0.0.1:9']);
    tripwire.attempts.length = 0;
  });
});

describe('malformed command lines, in process', () => {
  it.each(commands.map((c) => [c.name, c] as const))('regdesk %s refuses them and changes nothing', async (_, command) => {
    const before = await fingerprintFolder(temp.path);
    await fc.assert(
      fc.asyncProperty(malformedArgv(command, fixtureFor(command)), async ({ argv, code }) =>
        expectCleanRefusal(await regdesk(argv), code, argv),
      ),
      { numRuns: RUNS_PER_COMMAND },
    );
    expect(await fingerprintFolder(temp.path)).toEqual(before);
    expect(tripwire.attempts).toEqual([]);
  });

  it('refuses an unknown command with exit 2', async () => {
    const known = new Set(commands.map((c) => c.name));
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 30 }).filter((name) => !known.has(name) && !name.startsWith('-')),
        async (name) => {
          const result = await regdesk([name]);
          expect(result.code).toBe(2);
          expect(result.stdout).toBe('');
          expect(result.stderr).toMatch(/^regdesk: unknown command/);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('malformed command lines, through the built binary', () => {
  beforeAll(() => {
    if (!existsSync(BUILT)) throw new Error('out/cli/regdesk.js is missing: run `npm run build` first.');
  });

  it('exit, print and leave the store as in process, with no unhandled rejection', async () => {
    const before = await fingerprintFolder(temp.path);
    // HOME outside the fingerprinted folder: Node may keep a compile cache under it, which is no business of this test.
    const home = await createTempDir('cli-sweep-home');
    const env = { PATH: process.env['PATH'], HOME: home.path, XDG_CONFIG_HOME: join(temp.path, 'config') };
    const cases: Case[] = [
      { argv: ['validate', '--password-stdin', '--bogus'], code: 2 },
      { argv: ['validate', 'https://127.0.0.1:9', '--password-stdin', '--password-stdin'], code: 2 },
      { argv: ['validate', 'https://127.0.0.1:9', '--aws-secret-stdin=yes'], code: 2 },
      ...commands.flatMap((command) => fc.sample(malformedArgv(command, fixtureFor(command)), { numRuns: 2, seed: 9 })),
    ];
    for (const { argv, code } of cases) {
      const result = await runCommand(process.execPath, [BIN, ...argv], { env, stdin: 'not-a-real-secret\n' });
      expectCleanRefusal({ ...result, code: result.exitCode }, code, argv);
    }
    await home.cleanup();
    expect(await fingerprintFolder(temp.path)).toEqual(before);
  });
});
