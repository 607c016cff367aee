// What a first-time admin types at `regdesk`, answered in plain words, run as the built command.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canarySecret } from '../../fixtures/canary';
import { startWebServer, type RecordingServer } from '../../fixtures/hostile-servers';
import { createPki, type Pki } from '../../fixtures/pki';
import { runCommand } from '../../fixtures/run-command';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';

const BIN = resolve('bin/regdesk.js');
let dir: TempDir;
let pki: Pki;
let server: RecordingServer;

beforeAll(async () => {
  if (!existsSync(resolve('out/cli/regdesk.js'))) throw new Error('out/cli/regdesk.js is missing: run `npm run build` first.');
  dir = await createTempDir('cli-papercuts');
  pki = await createPki(join(dir.path, 'pki'));
  // Its certificate chains to a root this workstation does not trust: TLS_UNKNOWN_CA.
  server = await startWebServer({ tls: { certificate: pki.leaf.fullchain, key: pki.leaf.key } });
});
afterAll(async () => {
  await server?.close();
  await dir?.cleanup();
});

const regdesk = (...args: string[]) =>
  runCommand(process.execPath, [BIN, ...args], { env: { PATH: process.env['PATH'], HOME: dir.path, REGDESK_NO_COMPILE_CACHE: '1' } });

describe('regdesk help', () => {
  it('shows the commands, as --help does, and names itself among them', async () => {
    const help = await regdesk('help');
    expect(help).toMatchObject({ exitCode: 0, stderr: '', stdout: (await regdesk('--help')).stdout });
    expect(help.stdout.split(/^Commands:$/m)[1]).toMatch(/^ {2}help \[COMMAND\]/m);
  });

  it("shows one command's options, as COMMAND --help does", async () => {
    const help = await regdesk('help', 'validate');
    expect(help).toMatchObject({ exitCode: 0, stderr: '', stdout: (await regdesk('validate', '--help')).stdout });
    expect(help.stdout).toContain('--ca-file FILE');
  });

  it('refuses a command that does not exist with exit 2', async () => {
    const help = await regdesk('help', 'frobnicate');
    expect(help.exitCode).toBe(2);
    expect(help.stdout).toBe('');
    expect(help.stderr).toMatch(/^regdesk: unknown command "frobnicate"\n/);
  });
});

describe('regdesk validate --password', () => {
  it.each([['--password', 'SECRET'], ['--password=SECRET']])('is refused with the reason and what to use instead: %s', async (...flag) => {
    const secret = canarySecret('password-flag');
    const result = await regdesk('validate', server.url, '-u', 'robot', ...flag.map((part) => part.replace('SECRET', secret)));
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^regdesk validate: there is no --password: .*shell history.*Use --password-stdin/);
    expect(result.stderr).not.toContain(secret);
    expect(server.requests()).toEqual([]);
  });
});

describe("regdesk validate's TLS remedies", () => {
  it('name the flags that fix it, not the buttons of the window', async () => {
    const result = await regdesk('validate', server.url, '--no-proxy-env');
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('TLS_UNKNOWN_CA');
    expect(result.stdout).toMatch(/→ Give the registry's CA certificate with --ca-file FILE, .*--insecure-skip-tls-verify/);
    expect(result.stdout).not.toMatch(/Upload|Insecure Skip TLS Verify/);
    const json = await regdesk('validate', server.url, '--no-proxy-env', '--json');
    const step = (JSON.parse(json.stdout) as { steps: Array<{ code: string | null; remedy: string | null }> }).steps.find(
      (s) => s.code === 'TLS_UNKNOWN_CA',
    );
    expect(step?.remedy).toMatch(/--ca-file FILE/);
  });
});

describe('regdesk list with nothing stored', () => {
  it('names the folder it read, and how to read another', async () => {
    const folder = join(dir.path, 'empty-store');
    await mkdir(folder);
    const result = await regdesk('list', '--data-dir', folder);
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toBe(`No pack registries stored in ${folder}\n(--data-dir DIR or REGDESK_USER_DATA_DIR read another folder)\n`);
    expect((await regdesk('list', '--scope', 'tenant', '--data-dir', folder)).stdout).toMatch(/^No tenant pack registries stored in /);
  });
});
