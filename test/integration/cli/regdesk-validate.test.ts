// `regdesk validate` as a person or a script runs it: the built command in its own process.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canarySecret } from '../../fixtures/canary';
import { startEchoRegistry } from '../../fixtures/echo-registry';
import { createPki, type Pki } from '../../fixtures/pki';
import { startRegistry, type RunningRegistry } from '../../fixtures/registry';
import { runCommand } from '../../fixtures/run-command';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';

const BIN = resolve('bin/regdesk.js');
const PASSWORD = canarySecret('cli');
let dir: TempDir;
let pki: Pki;
let registry: RunningRegistry;
let caFile: string;

beforeAll(async () => {
  if (!existsSync(resolve('out/cli/regdesk.js'))) throw new Error('out/cli/regdesk.js is missing: run `npm run build` first.');
  dir = await createTempDir('cli-validate');
  pki = await createPki(dir.path);
  registry = await startRegistry({
    tls: { certificate: pki.leaf.fullchain, key: pki.leaf.key },
    auth: { kind: 'htpasswd', users: [{ username: 'alice', password: PASSWORD }] },
  });
  caFile = pki.root.cert;
});
afterAll(async () => {
  await registry?.stop();
  await dir?.cleanup();
});

const regdesk = (args: string[], stdin = '', env: NodeJS.ProcessEnv = {}) =>
  runCommand(process.execPath, [BIN, 'validate', ...args], { stdin, env: { PATH: process.env['PATH'], HOME: dir.path, ...env } });

describe('regdesk validate', () => {
  it('exits 0 and prints a checklist for a registry that works', async () => {
    const result = await regdesk([registry.endpoint, '-u', 'alice', '--password-stdin', '--ca-file', caFile], `${PASSWORD}\n`);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^\[ ok \] Authentication\s+authenticated as alice/m);
    expect(result.stdout).toMatch(/^Validated with warnings in \d+ ms: [A-Z_]+ \([^)]+\)\.$/m);
    expect(result.stdout + result.stderr).not.toContain(PASSWORD);
  });

  it('exits 1 naming the failed step, its code and remedy', async () => {
    const result = await regdesk([registry.endpoint, '-u', 'alice', '--ca-file', caFile], '', { REGDESK_PASSWORD: `${PASSWORD}-wrong` });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/^\[FAIL\] Authentication\s+AUTH_REJECTED: /m);
    expect(result.stdout).toMatch(/→ Check the credentials/);
    expect(result.stdout).toMatch(/^Not validated: Authentication failed \(AUTH_REJECTED\)/m);
    expect(result.stdout + result.stderr).not.toContain(PASSWORD);
  });

  it('prints the documented JSON report with --json', async () => {
    const result = await regdesk([registry.endpoint, '--json']);
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.stdout) as { ok: boolean; steps: Array<Record<string, unknown>> };
    expect(report.ok).toBe(false);
    expect(report.steps.map((s) => s['id'])).toEqual(['endpoint', 'dns', 'tcp', 'tls', 'registry-api', 'auth', 'base-path', 'packs']);
    for (const s of report.steps)
      expect(Object.keys(s)).toEqual(expect.arrayContaining(['id', 'status', 'code', 'message', 'remedy', 'durationMs']));
    expect(report.steps[3]).toMatchObject({ id: 'tls', status: 'fail', code: 'TLS_UNKNOWN_CA' });
  });

  it('exits 2 on bad input, saying what is wrong', async () => {
    const keyFile = join(dir.path, 'with-key.pem');
    await writeFile(keyFile, pki.leaf.certPem + pki.leaf.keyPem);
    const garbage = join(dir.path, 'garbage.pem');
    await writeFile(garbage, 'not a certificate');
    const cases: Array<[string[], RegExp]> = [
      [[], /give the registry ENDPOINT/],
      [['ftp://x'], /not a registry address/],
      [['https://alice:pw@x'], /Remove the credentials/],
      [[registry.endpoint, '--timeout', 'soon'], /take seconds/],
      [[registry.endpoint, '--ca-file', keyFile], /holds a private key/],
      [[registry.endpoint, '--ca-file', garbage], /holds no certificate \(PEM, DER or PKCS#7\)/],
      [[registry.endpoint, '--ca-file', join(dir.path, 'missing.pem')], /cannot read --ca-file .*ENOENT/],
      [[registry.endpoint, '--password'], /there is no --password/],
    ];
    for (const [args, message] of cases) {
      const result = await regdesk(args);
      expect(result.exitCode, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stdout).toBe('');
    }
  });

  it('refuses a password without a username', async () => {
    const result = await regdesk([registry.endpoint, '--password-stdin'], PASSWORD);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/password was given without a username/);
    expect(result.stderr).not.toContain(PASSWORD);
  });

  it('validates a registry from a draft file, password from the environment', async () => {
    const drafts = join(dir.path, 'drafts.json');
    const draft = (name: string) => ({
      name,
      scope: 'tenant',
      type: 'basic',
      endpoint: registry.endpoint,
      baseContentPath: '',
      username: 'alice',
      tls: { insecureSkipVerify: false, caPem: pki.root.certPem },
    });
    await writeFile(
      drafts,
      JSON.stringify({ format: 'pack-registry-desk/drafts', version: 1, registries: [draft('harbor-a'), draft('harbor-b')] }),
    );
    const ok = await regdesk(['--file', drafts, '--name', 'harbor-b'], '', { REGDESK_PASSWORD: PASSWORD });
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toMatch(/authenticated as alice/);
    const ambiguous = await regdesk(['--file', drafts]);
    expect(ambiguous).toMatchObject({
      exitCode: 2,
      stderr: expect.stringMatching(/holds 2 registries \("harbor-a", "harbor-b"\); choose one with --name/),
    });
    const clash = await regdesk(['--file', drafts, '--name', 'harbor-a', '-u', 'bob']);
    expect(clash).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/--username comes from the draft file/) });
  });

  it('says where a draft file is wrong', async () => {
    const bad = join(dir.path, 'bad.json');
    await writeFile(
      bad,
      JSON.stringify({
        format: 'pack-registry-desk/drafts',
        version: 1,
        registries: [{ name: 'x', scope: 'galaxy', type: 'basic', endpoint: 'h' }],
      }),
    );
    const result = await regdesk(['--file', bad]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/--file .*bad\.json at registries\.0\.scope: /);
    await writeFile(bad, '{"format":"something-else","version":1,"registries":[]}');
    expect((await regdesk(['--file', bad])).stderr).toMatch(/Not a Pack Registry Desk draft file/);
  });

  it('never prints the password when a hostile server echoes it back (text and --json)', async () => {
    const echo = await startEchoRegistry({ certificate: pki.leaf.fullchain, key: pki.leaf.key });
    try {
      for (const format of [[], ['--json']]) {
        const result = await regdesk([echo.url, '-u', 'alice', '--password-stdin', '--ca-file', caFile, ...format], `${PASSWORD}\n`);
        expect(echo.received().length).toBeGreaterThan(0);
        const output = result.stdout + result.stderr;
        // The report quotes the echoed path; the checklist shows only the verdict lines.
        if (format.length > 0) expect(output).toMatch(/echo\/Basic%20[A-Za-z0-9%]*\[redacted: stored secret\]/);
        for (const form of [PASSWORD, encodeURIComponent(PASSWORD), Buffer.from(`alice:${PASSWORD}`).toString('base64')]) {
          expect(output).not.toContain(form);
        }
      }
    } finally {
      await echo.close();
    }
  });
});
