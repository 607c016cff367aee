// Values as sent, missing secrets and DNS limits on the command line, as processes: a draft file's values are stored
// and exported as Palette receives them; a username without its password is a missing secret with
// its own code; a host name DNS cannot carry is bad input naming the rule.
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canarySecret } from '../../fixtures/canary';
import { createPki, type Pki } from '../../fixtures/pki';
import { startRegistry, type RunningRegistry } from '../../fixtures/registry';
import { runCommand } from '../../fixtures/run-command';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';
import { DRAFT_FILE_FORMAT } from '../../../shared/model/draft-file';

const BIN = resolve('bin/regdesk.js');
const PASSWORD = canarySecret('cli-values');
let dir: TempDir;
let pki: Pki;
let registry: RunningRegistry;

beforeAll(async () => {
  if (!existsSync(resolve('out/cli/regdesk.js'))) throw new Error('out/cli/regdesk.js is missing: run `npm run build` first.');
  dir = await createTempDir('cli-values');
  pki = await createPki(dir.path);
  registry = await startRegistry({
    tls: { certificate: pki.leaf.fullchain, key: pki.leaf.key },
    auth: { kind: 'htpasswd', users: [{ username: 'alice', password: PASSWORD }] },
  });
});
afterAll(async () => {
  await registry?.stop();
  await dir?.cleanup();
});

const regdesk = (args: string[], stdin = '', env: NodeJS.ProcessEnv = {}) =>
  runCommand(process.execPath, [BIN, ...args], { stdin, env: { PATH: process.env['PATH'], HOME: dir.path, ...env } });

function draftFile(name: string, draft: Record<string, unknown>): string {
  const path = join(dir.path, `${name}.json`);
  writeFileSync(
    path,
    JSON.stringify({ format: DRAFT_FILE_FORMAT, version: 1, registries: [{ type: 'basic', scope: 'system', name, ...draft }] }),
  );
  return path;
}

describe('regdesk and the values Palette receives', () => {
  it('imports a draft with a /v2/ endpoint and a slashed base path as they will be sent, and exports them so', async () => {
    const file = draftFile('harbor-v2', { endpoint: 'HTTPS://Harbor.Example.Test:5000/v2/', baseContentPath: '/acme/', username: '' });
    const data = join(dir.path, 'import-data');
    expect(await regdesk(['import', file, '--data-dir', data])).toMatchObject({ exitCode: 0, stderr: '' });
    const exported = await regdesk(['export', '--format', 'palette', '--data-dir', data]);
    expect(exported.exitCode).toBe(0);
    expect(exported.stdout).toContain('"endpoint": "https://harbor.example.test:5000"');
    expect(exported.stdout).toContain('"baseContentPath": "acme"');
    const draft = await regdesk(['export', '--format', 'draft', '--data-dir', data]);
    expect(draft.stdout).toContain('"endpoint": "https://harbor.example.test:5000"');
    expect(draft.stdout).not.toMatch(/\/v2|\/acme/);
  });

  it('says a password is missing, with its own code, when a draft has a username and none is given', async () => {
    const file = draftFile('harbor-no-password', { endpoint: registry.endpoint, baseContentPath: '', username: 'alice' });
    const result = await regdesk(['validate', '--file', file, '--ca-file', pki.root.cert]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/^\[FAIL\] Authentication\s+SECRET_MISSING: No password was given for this registry/m);
    expect(result.stdout).toContain('Pipe the password to --password-stdin, or set REGDESK_PASSWORD.');
    expect(result.stdout).not.toContain('AUTH_REJECTED');

    const given = await regdesk(['validate', '--file', file, '--ca-file', pki.root.cert, '--password-stdin'], `${PASSWORD}\n`);
    expect(given.stdout).toMatch(/^\[ ok \] Authentication\s+authenticated as alice/m);
    expect(given.stdout + given.stderr).not.toContain(PASSWORD);
  });

  it('refuses a host name with a label over 63 characters as bad input, naming the DNS rule', async () => {
    const result = await regdesk(['validate', `${'a'.repeat(500)}.example.test:5000`]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(
      /label \(a part between dots\) of 500 characters, "a{20}…"; DNS allows at most 63 per label \(RFC 1035\)\./,
    );
    expect(result.stderr).not.toMatch(/INTERNAL|unexpected/i);
  });
});
