// `regdesk validate --ca-file` reads CA files with the same parser as the app's certs:pick.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCertificateFiles, type CertificateFiles } from '../../fixtures/certificate-files';
import { createPki, type Pki } from '../../fixtures/pki';
import { startRegistry, type RunningRegistry } from '../../fixtures/registry';
import { runCommand } from '../../fixtures/run-command';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';

const BIN = resolve('bin/regdesk.js');
let dir: TempDir;
let pki: Pki;
let files: CertificateFiles;
let registry: RunningRegistry;

beforeAll(async () => {
  if (!existsSync(resolve('out/cli/regdesk.js'))) throw new Error('out/cli/regdesk.js is missing: run `npm run build` first.');
  dir = await createTempDir('cli-ca-file');
  pki = await createPki(join(dir.path, 'pki'));
  [files, registry] = await Promise.all([
    writeCertificateFiles(pki, dir.path),
    startRegistry({ tls: { certificate: pki.leaf.cert, key: pki.leaf.key } }),
  ]);
});
afterAll(async () => {
  await registry?.stop();
  await dir?.cleanup();
});

const regdesk = (...args: string[]) => regdeskWithEnv({}, ...args);
const regdeskWithEnv = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  runCommand(process.execPath, [BIN, 'validate', registry.endpoint, '--no-proxy-env', '--json', ...args], {
    env: { PATH: process.env['PATH'], HOME: dir.path, ...env },
  });

describe('regdesk validate --ca-file', () => {
  it.each([
    ['PKCS#7 DER', () => files.bundleP7bDer],
    ['PKCS#7 PEM', () => files.bundleP7bPem],
    ['a bundle in reverse order', () => files.bundleReversed],
  ])('validates a leaf-only server with the bundle as %s', async (_, file) => {
    const result = await regdesk('--ca-file', file(), '--ca-only');
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
  });

  it('reads a DER root too, and the verdict is the missing intermediate', async () => {
    const result = await regdesk('--ca-file', files.rootDer);
    expect(result.exitCode).toBe(1);
    expect((JSON.parse(result.stdout) as { steps: Array<{ code: string | null }> }).steps[3]?.code).toBe('TLS_INCOMPLETE_CHAIN');
  });

  it('trusts the operating system store too unless --ca-only says otherwise', async () => {
    // OpenSSL reads SSL_CERT_FILE as part of the system store, where a corporate CA would be.
    // The server sends its leaf alone, so the store holds the whole bundle.
    const otherPki = await createPki(join(dir.path, 'other'));
    const corporate = { SSL_CERT_FILE: pki.bundle };
    expect((await regdeskWithEnv(corporate)).exitCode).toBe(0);
    expect((await regdeskWithEnv(corporate, '--ca-file', otherPki.root.cert)).exitCode).toBe(0);
    const only = await regdeskWithEnv(corporate, '--ca-file', otherPki.root.cert, '--ca-only');
    expect(only.exitCode).toBe(1);
    expect((JSON.parse(only.stdout) as { steps: Array<{ code: string | null }> }).steps[3]?.code).toBe('TLS_INCOMPLETE_CHAIN');
  });

  it('warns on stderr about a server certificate given as the CA, and goes on to the verdict the warning foretold', async () => {
    const result = await regdesk('--ca-file', pki.leaf.fullchain);
    expect(result.stderr).toMatch(
      /^regdesk validate: warning: --ca-file .*leaf-fullchain\.pem: localhost is a server certificate, not a CA/m,
    );
    expect(result.exitCode).toBe(1);
    // The intermediate in the file is not a root, and Node anchors trust only at a root.
    expect((JSON.parse(result.stdout) as { steps: Array<{ code: string | null }> }).steps[3]?.code).toBe('TLS_UNKNOWN_CA');
  });

  it.each([
    [() => files.pkcs12, /holds a private key/],
    [() => files.keyDer, /holds a private key/],
    [() => files.fiveMiB, /huge\.pem is 5\.0 MiB/],
    [() => files.empty, /holds no certificate \(PEM, DER or PKCS#7\): The certificate file is empty/],
    [() => files.garbage, /holds no certificate \(PEM, DER or PKCS#7\)/],
  ])('exits 2 on a file it cannot use (%#)', async (file, message) => {
    const result = await regdesk('--ca-file', file());
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});
