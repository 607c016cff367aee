// Scheduled checks: `regdesk validate --name/--all` against the
// registries a desktop app stored, as cron or CI runs it, the verdicts recorded in the store; and
// warnings that no longer hide under a plain "Validated" (--strict fails on them).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryDraftSchema } from '../../../shared/model/registry-draft';
import { canarySecret } from '../../fixtures/canary';
import { pushPack } from '../../fixtures/oci-push';
import { createPki, type Pki } from '../../fixtures/pki';
import { startRegistry, type RunningRegistry } from '../../fixtures/registry';
import { runCommand } from '../../fixtures/run-command';
import { openTestServices } from '../../fixtures/storage-services';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';

const BIN = resolve('bin/regdesk.js');
const PASSWORD = canarySecret('stored-cli');
let dir: TempDir;
let pki: Pki;
let registry: RunningRegistry;
let dataDir: string;

beforeAll(async () => {
  if (!existsSync(resolve('out/cli/regdesk.js'))) throw new Error('out/cli/regdesk.js is missing: run `npm run build` first.');
  dir = await createTempDir('cli-validate-stored');
  pki = await createPki(dir.path);
  registry = await startRegistry({
    tls: { certificate: pki.leaf.fullchain, key: pki.leaf.key },
    auth: { kind: 'htpasswd', users: [{ username: 'alice', password: PASSWORD }] },
  });
  const auth = { username: 'alice', password: PASSWORD };
  await pushPack({ endpoint: registry.endpoint, auth, ca: pki.root.certPem, basePath: 'prod', pack: 'cni-calico', version: '3.27.1' });
  // What the desktop app stores: two registries, their passwords encrypted with a key the command line does not have.
  dataDir = join(dir.path, 'data');
  const app = openTestServices(dataDir);
  const store = async (name: string, scope: 'system' | 'tenant', baseContentPath: string) => {
    const draft = { name, scope, type: 'basic', endpoint: registry.endpoint, baseContentPath, username: 'alice' };
    const { record } = await app.services.registries.create(RegistryDraftSchema.parse({ ...draft, tls: { caPem: pki.root.certPem } }));
    await app.services.secrets.set({ registryId: record.id, field: 'password' }, PASSWORD, 'persist');
  };
  await store('harbor-prod', 'system', 'prod');
  // The likeliest typo: a base path with no packs under it, after which Palette syncs nothing.
  await store('Harbor Typo', 'tenant', 'prd');
  app.close();
});
afterAll(async () => {
  await registry?.stop();
  await dir?.cleanup();
});

const regdesk = (args: string[], env: NodeJS.ProcessEnv = {}, stdin = '') =>
  runCommand(process.execPath, [BIN, 'validate', ...args], { stdin, env: { PATH: process.env['PATH'], HOME: dir.path, ...env } });

const SECRETS = { REGDESK_PASSWORD_HARBOR_PROD: PASSWORD, REGDESK_PASSWORD_HARBOR_TYPO: PASSWORD };

/** Where each stored registry's validation stands, read as the app reads it. */
function storedVerdicts() {
  const app = openTestServices(dataDir);
  try {
    return Object.fromEntries(app.services.registries.listSummaries().map((s) => [s.name, s.validation]));
  } finally {
    app.close();
  }
}

describe('regdesk validate against stored registries', () => {
  it('refuses to guess a password it cannot decrypt, names the variable to set, and records nothing', async () => {
    const result = await regdesk(['--name', 'harbor-prod', '--data-dir', dataDir]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(
      /^Not validated: harbor-prod \(system\): The password of harbor-prod is stored in the desktop app's keychain/m,
    );
    expect(result.stdout).toMatch(
      /Set REGDESK_PASSWORD_HARBOR_PROD in the environment \(or, for this registry alone, use --password-stdin\)/,
    );
    expect(storedVerdicts()['harbor-prod']).toEqual({ state: 'never' });
  });

  it('validates each named registry, says which passed with warnings, and records each verdict as the window does', async () => {
    const result = await regdesk(['--name', 'harbor-prod', '--name', 'harbor typo', '--data-dir', dataDir], SECRETS);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^harbor-prod \(system\)\nValidating https:/m);
    expect(result.stdout).toMatch(/^Validated in \d+ ms\.$/m);
    expect(result.stdout).toMatch(/^Validated with warnings in \d+ ms: BASE_PATH_EMPTY \(Base content path\)\.$/m);
    expect(result.stdout).toMatch(
      /^Summary:\n {2}harbor-prod \(system\): Validated\n {2}Harbor Typo \(tenant\): Validated with warnings$/m,
    );
    expect(result.stdout + result.stderr).not.toContain(PASSWORD);
    const verdicts = storedVerdicts();
    expect(verdicts['harbor-prod']).toEqual({ state: 'validated', at: expect.any(String) });
    expect(verdicts['Harbor Typo']).toMatchObject({
      state: 'validated',
      warnings: [{ step: 'Base content path', code: 'BASE_PATH_EMPTY' }],
    });
  });

  it('fails on any warning with --strict, and prints the verdict of each in JSON', async () => {
    const result = await regdesk(['--all', '--strict', '--json', '--data-dir', dataDir], SECRETS);
    expect(result.exitCode).toBe(1);
    const { registries } = JSON.parse(result.stdout) as {
      registries: Array<{ name: string; verdict: string; report: { verdict: string } }>;
    };
    expect(registries.map((r) => [r.name, r.verdict, r.report.verdict])).toEqual([
      ['harbor-prod', 'validated', 'validated'],
      ['Harbor Typo', 'warnings', 'warnings'],
    ]);
    expect(result.stdout).not.toContain(PASSWORD);
    const clean = await regdesk(['--name', 'harbor-prod', '--strict', '--data-dir', dataDir], SECRETS);
    expect(clean.exitCode).toBe(0);
  });

  it('records a failure with a wrong password from standard input', async () => {
    const result = await regdesk(['--name', 'harbor-prod', '--password-stdin', '--data-dir', dataDir], {}, `${PASSWORD}-wrong\n`);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/^Not validated: Authentication failed \(AUTH_REJECTED\)/m);
    expect(result.stdout).not.toContain(PASSWORD);
    expect(storedVerdicts()['harbor-prod']).toMatchObject({ state: 'failed' });
  });

  it('exits 2 on a command line it cannot follow, naming what is wrong', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--name', 'nope', '--data-dir', dataDir], /no stored registry is called "nope" \(looked in .*data; see regdesk list\)/],
      [['--all', '--password-stdin', '--data-dir', dataDir], /a secret on standard input is for one registry, and 2 were chosen/],
      [['--all', '--name', 'harbor-prod', '--data-dir', dataDir], /give --name or --all, not both/],
      [['--name', 'harbor-prod', '--base-path', 'x', '--data-dir', dataDir], /--base-path comes from the stored registry/],
      [['--all', '--scope', 'galaxy', '--data-dir', dataDir], /--scope must be "system" or "tenant"/],
      [['--all', '--data-dir', join(dir.path, 'missing')], /does not exist/],
      [[registry.endpoint, '--all'], /--all goes with stored registries/],
    ];
    for (const [args, message] of cases) {
      const result = await regdesk(args, {}, 'x');
      expect(result.exitCode, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(message);
    }
  });
});

describe('regdesk validate ENDPOINT --strict', () => {
  const args = (basePath: string) => [registry.endpoint, '-u', 'alice', '--ca-file', pki.root.cert, '--base-path', basePath];

  it('says "Validated with warnings" for a base path with no packs, and fails it only with --strict', async () => {
    const lenient = await regdesk(args('prd'), { REGDESK_PASSWORD: PASSWORD });
    expect(lenient.exitCode).toBe(0);
    expect(lenient.stdout).toMatch(/^Validated with warnings in \d+ ms: BASE_PATH_EMPTY \(Base content path\)\.$/m);
    const strict = await regdesk([...args('prd'), '--strict'], { REGDESK_PASSWORD: PASSWORD });
    expect(strict.exitCode).toBe(1);
    const clean = await regdesk([...args('prod'), '--strict'], { REGDESK_PASSWORD: PASSWORD });
    expect(clean.exitCode).toBe(0);
    expect(clean.stdout).toMatch(/^Validated in \d+ ms\.$/m);
  });
});
