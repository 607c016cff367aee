// `regdesk diagnostics` as a process on plain Node, over a data folder the app wrote: secrets
// encrypted beside it (which the command line cannot decrypt) and canaries planted where plain
// configuration holds them. The file must carry none of them.
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagnosticsDocument } from '../../../shared/model/diagnostics';
import { canarySecret } from '../../fixtures/canary';
import { createPki, type Pki } from '../../fixtures/pki';
import { runCommand } from '../../fixtures/run-command';
import { openTestServices } from '../../fixtures/storage-services';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';

const BIN = resolve('bin/regdesk.js');
const regdesk = (...args: string[]) => runCommand(process.execPath, [BIN, ...args]);
let temp: TempDir;
let dataDir: string;
let pki: Pki;
const canaries: string[] = [];
const plant = (label: string) => {
  const canary = canarySecret(label);
  canaries.push(canary);
  return canary;
};

beforeAll(async () => {
  if (!existsSync(resolve('out/cli/regdesk.js'))) throw new Error('out/cli/regdesk.js is missing: run `npm run build` first.');
  temp = await createTempDir('cli-diagnostics');
  pki = await createPki(join(temp.path, 'pki'));
  dataDir = join(temp.path, 'data');
  const app = openTestServices(dataDir);
  const { record: basic } = await app.services.registries.create({
    type: 'basic',
    name: 'harbor-packs',
    scope: 'system',
    endpoint: `https://robot:${plant('endpoint')}@harbor.example.test`,
    baseContentPath: 'spectro',
    username: 'robot',
    tls: { insecureSkipVerify: false, caPem: `${pki.root.certPem}\n${pki.leaf.keyPem}` },
  });
  await app.services.secrets.set({ registryId: basic.id, field: 'password' }, plant('password'), 'persist');
  const { record: ecr } = await app.services.registries.create({
    type: 'ecr',
    name: 'ecr-packs',
    scope: 'tenant',
    endpoint: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
    baseContentPath: '',
    tls: { insecureSkipVerify: false },
    isPrivate: true,
    awsAuth: { method: 'credentials', accessKeyId: 'AKIACANARYKEY0000002' },
  });
  await app.services.secrets.set({ registryId: ecr.id, field: 'awsSecretAccessKey' }, plant('aws'), 'persist');
  app.close();
});
afterAll(() => temp?.cleanup());

function expectNoLeak(text: string) {
  for (const canary of canaries) expect(text).not.toContain(canary);
  expect(text).not.toContain('canary-');
  expect(text).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY/);
  expect(text).not.toContain('AKIACANARYKEY0000002');
}

describe('regdesk diagnostics', () => {
  it('writes an owner-only file with no secret and says how much it redacted', async () => {
    const output = join(temp.path, 'diagnostics.json');
    const result = await regdesk('diagnostics', '--data-dir', dataDir, '--output', output);
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    const content = readFileSync(output, 'utf8');
    expect(result.stdout).toBe(`Wrote ${Buffer.byteLength(content)} bytes to ${output} (1 value redacted).\n`);
    expect(statSync(output).mode & 0o777).toBe(0o600);
    expectNoLeak(content + result.stdout);
    const document = JSON.parse(content) as DiagnosticsDocument;
    expect(document).toMatchObject({
      app: { host: 'cli' },
      runtime: { node: process.versions.node },
      keychain: { available: false },
      registryCounts: { total: 2, system: { basic: 1 }, tenant: { 'ecr-credentials': 1 } },
      redactions: { total: 1, byKind: { 'url credentials': 1 } },
      validationReports: { finishedThisSession: 0, reports: [] },
    });
    const byName = new Map(document.registries.map((r) => [r.name, r]));
    expect(byName.get('harbor-packs')).toMatchObject({
      endpoint: 'https://[redacted: url credentials]@harbor.example.test',
      // The store keeps only the certificates of a CA text: the pasted key is gone.
      tls: { otherPemBlocksLeftOut: 0, caCertificates: [{ isCa: true }] },
      // Stored, but this process cannot decrypt it.
      secrets: [{ field: 'password', stored: true, where: 'disk', usable: false }],
    });
    expect(byName.get('ecr-packs')!.aws).toEqual({ protected: true, method: 'credentials', accessKeyId: 'AKIA…0002' });
  });

  it('writes the same document to standard output without --output', async () => {
    const result = await regdesk('diagnostics', '--data-dir', dataDir);
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expectNoLeak(result.stdout);
    expect((JSON.parse(result.stdout) as DiagnosticsDocument).registries.map((r) => r.name).sort()).toEqual(['ecr-packs', 'harbor-packs']);
  });

  it('exits 2 on a wrong command line and 1 when the file cannot be written', async () => {
    const folder = join(temp.path, 'a-folder');
    mkdirSync(folder);
    const twice = ['--output', join(temp.path, 'x.json'), '--output', join(temp.path, 'y.json')];
    for (const args of [
      ['extra'],
      ['--bogus'],
      ['--output'],
      ['--output', ''],
      ['--data-dir', ''],
      ['--output', folder],
      ['--output', '\u001b[31m.json'],
      twice,
    ]) {
      const result = await regdesk('diagnostics', ...args);
      expect(result.exitCode, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('regdesk diagnostics:');
      // A pasted escape sequence is quoted, never sent to the terminal.
      expect(result.stderr).not.toContain('\u001b');
    }
    expect(existsSync(join(temp.path, 'y.json'))).toBe(false);
    const failed = await regdesk('diagnostics', '--data-dir', dataDir, '--output', join(temp.path, 'no-such-folder', 'd.json'));
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).toContain('[DIAGNOSTICS_SAVE_FAILED]');
    expect((await regdesk('--help')).stdout).toContain('diagnostics [--output FILE]');
  });
});
