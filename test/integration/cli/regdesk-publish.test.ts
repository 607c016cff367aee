// `regdesk publish` as a process against the spec-held Palette double: created, then unchanged,
// then updated with the difference printed; --wait-sync follows the moving sync states; a failed
// sync and a refusal exit 1 with Palette's message; bad input exits 2; --dry-run sends nothing.
// The API key and the password come from the environment, and never show in any output.
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RegistryDraftSchema } from '../../../shared/model/registry-draft';
import { canarySecret } from '../../fixtures/canary';
import { storeVariants } from '../../fixtures/export-variants';
import { startPaletteDouble, type PaletteDouble } from '../../fixtures/palette-double';
import { createPki, type Pki } from '../../fixtures/pki';
import { runCommand } from '../../fixtures/run-command';
import { openTestServices } from '../../fixtures/storage-services';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';

const BIN = resolve('bin/regdesk.js');
const API_KEY = canarySecret('cli-api-key');
const PASSWORD = canarySecret('cli-password');
let temp: TempDir;
let pki: Pki;
let palette: PaletteDouble;
let dataDir: string;
let caFile: string;
let failSync = false;

beforeAll(async () => {
  if (!existsSync(resolve('out/cli/regdesk.js'))) throw new Error('out/cli/regdesk.js is missing: run `npm run build` first.');
  temp = await createTempDir('cli-publish');
  pki = await createPki(join(temp.path, 'pki'));
  caFile = join(temp.path, 'palette-ca.pem');
  writeFileSync(caFile, pki.root.certPem);
  palette = await startPaletteDouble({
    tls: { certificate: pki.leaf.fullchain, key: pki.leaf.key },
    apiKeys: [API_KEY],
    runningReads: 1,
    syncOutcome: () => (failSync ? { status: 'Error', message: 'manifest unknown: spectro-packs/archive' } : { status: 'Success' }),
  });
  dataDir = join(temp.path, 'data');
  const app = openTestServices(dataDir);
  // The app's secrets are encrypted with its keychain: the command line is given them instead.
  await storeVariants(app.services, () => canarySecret('stored'));
  app.close();
});
afterAll(async () => {
  await palette?.close();
  await temp?.cleanup();
});
beforeEach(() => {
  failSync = false;
});

const env = (extra: NodeJS.ProcessEnv = {}) => ({
  PATH: process.env['PATH'],
  REGDESK_PALETTE_API_KEY: API_KEY,
  REGDESK_PASSWORD: PASSWORD,
  ...extra,
});
// The shortest interval a user may ask for, so the test follows a sync without waiting seconds per read.
const publish = (args: string[], extra?: NodeJS.ProcessEnv) =>
  runCommand(
    process.execPath,
    [BIN, 'publish', ...args, '--sync-interval', '0.1', '--palette-url', palette.url, '--ca-file', caFile, '--data-dir', dataDir],
    {
      env: env(extra),
    },
  );
const noSecrets = (text: string) => {
  expect(text).not.toContain(API_KEY);
  expect(text).not.toContain(PASSWORD);
};

describe('regdesk publish', () => {
  it('creates and follows the sync, then says unchanged, then updates showing the difference', async () => {
    const first = await publish(['harbor-robot', '--wait-sync']);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(
      /^harbor-robot: created \(uid \w+\)\n {2}sync: running \(InProgress\): Synchronizing packs\n {2}sync: done \(Success\)\n$/,
    );
    expect(first.exitCode).toBe(0);
    const sent = palette.requests.find((r) => r.method === 'POST' && r.path.startsWith('/v1/registries/oci/basic'));
    expect(sent?.body).toMatchObject({ spec: { auth: { username: 'robot$packs', password: PASSWORD } } });

    const again = await publish(['harbor-robot', '--json']);
    expect(again.exitCode).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject([{ outcome: 'unchanged', registry: 'harbor-robot' }]);

    const app = openTestServices(dataDir);
    const record = app.services.registries.list().find((r) => r.name === 'harbor-robot')!;
    await app.services.registries.update(record.id, RegistryDraftSchema.parse({ ...record, endpoint: 'https://harbor2.example.test' }));
    app.close();
    const updated = await publish(['harbor-robot']);
    expect(updated.exitCode).toBe(0);
    expect(updated.stdout).toBe(
      `harbor-robot: updated (uid ${palette.registries[0]!.uid})\n  endpoint: "https://harbor.example.test" in Palette -> "https://harbor2.example.test"\n`,
    );
    for (const r of [first, again, updated]) noSecrets(r.stdout + r.stderr);
    expect(palette.violations).toEqual([]);
  });

  it("exits 1 with Palette's message when the sync fails", async () => {
    failSync = true;
    const result = await publish(['ecr-keys', '--wait-sync'], { AWS_SECRET_ACCESS_KEY: PASSWORD });
    expect(result.stdout).toContain('sync: failed (Error): manifest unknown: spectro-packs/archive');
    expect(result.stderr).toBe('regdesk publish: ecr-keys: the sync failed\n');
    expect(result.exitCode).toBe(1);
    noSecrets(result.stdout + result.stderr);
  });

  it('exits 1 when Palette refuses the sign-in, printing its answer', async () => {
    const result = await publish(['ecr-public-packs'], { REGDESK_PALETTE_API_KEY: 'wrong-key' });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /ecr-public-packs: Palette refused the request\. Palette said: Authorization is missing or invalid \[GET \/v1\/registries\/oci\/summary -> 401\]/,
    );
  });

  it('refuses a sync interval out of its bounds, before sending anything', async () => {
    const before = palette.requests.length;
    for (const interval of ['0', '3601', 'soon']) {
      const result = await runCommand(
        process.execPath,
        [BIN, 'publish', 'harbor-robot', '--sync-interval', interval, '--palette-url', palette.url, '--data-dir', dataDir],
        {
          env: env(),
        },
      );
      expect([result.exitCode, result.stderr]).toEqual([2, expect.stringContaining('--sync-interval must be seconds from 0.1 to 3600')]);
    }
    expect(palette.requests.length).toBe(before);
  });

  it('exits 2 on bad input, before sending anything', async () => {
    const before = palette.requests.length;
    const noKey = await publish(['harbor-robot'], { REGDESK_PALETTE_API_KEY: '' });
    expect([noKey.exitCode, noKey.stderr]).toEqual([2, expect.stringContaining('no sign-in: set REGDESK_PALETTE_API_KEY')]);
    expect((await publish(['no-such-registry'])).exitCode).toBe(2);
    const scope = await publish(['ecr-sts']);
    expect([scope.exitCode, scope.stderr]).toEqual([2, expect.stringContaining('[PUBLISH_SCOPE_MISMATCH]')]);
    const http = await runCommand(
      process.execPath,
      [BIN, 'publish', 'harbor-robot', '--palette-url', palette.url.replace('https:', 'http:'), '--data-dir', dataDir],
      { env: env() },
    );
    expect([http.exitCode, http.stderr]).toEqual([2, expect.stringContaining('[PUBLISH_HTTP_NOT_ALLOWED]')]);
    expect(palette.requests.length).toBe(before);
  });

  it('--dry-run prints the requests with placeholders and sends nothing', async () => {
    const before = palette.requests.length;
    const result = await publish(['harbor-robot', '--dry-run']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('GET /v1/registries/oci/summary');
    expect(result.stdout).toContain('"password": "<password>"');
    expect(result.stdout).toContain('Dry run: nothing was sent.');
    noSecrets(result.stdout);
    expect(palette.requests.length).toBe(before);
  });
});
