// The validation engine against real registries serving different chains, with the CA supplied
// in every form the file parser reads (PEM root, bundle in either order, DER, PKCS#7 PEM and DER),
// parsed exactly as certs:pick and --ca-file parse them.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCertificateFile } from '../../../main/services/tls/load-certificate-file';
import { writeCertificateFiles, type CertificateFiles } from '../../fixtures/certificate-files';
import { createPki, type Pki } from '../../fixtures/pki';
import { startRegistry, type RunningRegistry } from '../../fixtures/registry';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';
import { failure, step, validate } from '../validation/validate-support';

let dir: TempDir;
let pki: Pki;
let otherPki: Pki;
let files: CertificateFiles;
/** What each registry presents: leaf + intermediate, the leaf alone, or leaf + intermediate + root. */
const served: Record<'fullchain' | 'leafOnly' | 'withRoot', RunningRegistry | undefined> = {
  fullchain: undefined,
  leafOnly: undefined,
  withRoot: undefined,
};

beforeAll(async () => {
  dir = await createTempDir('ca-sources');
  [pki, otherPki] = await Promise.all([createPki(join(dir.path, 'pki')), createPki(join(dir.path, 'other'))]);
  files = await writeCertificateFiles(pki, dir.path);
  const withRoot = join(dir.path, 'leaf-with-root.pem');
  await writeFile(withRoot, pki.leaf.certPem + pki.intermediate.certPem + pki.root.certPem);
  [served.fullchain, served.leafOnly, served.withRoot] = await Promise.all([
    startRegistry({ tls: { certificate: pki.leaf.fullchain, key: pki.leaf.key } }),
    startRegistry({ tls: { certificate: pki.leaf.cert, key: pki.leaf.key } }),
    startRegistry({ tls: { certificate: withRoot, key: pki.leaf.key } }),
  ]);
});
afterAll(async () => {
  await Promise.all(Object.values(served).map(async (registry) => registry?.stop()));
  await dir?.cleanup();
});

type CaSource =
  'root PEM' | 'root DER' | 'bundle' | 'reversed bundle' | 'PKCS#7 PEM' | 'PKCS#7 DER' | 'intermediate alone' | 'other PKI root';
const caFiles = (): Record<CaSource, string> => ({
  'root PEM': pki.root.cert,
  'root DER': files.rootDer,
  bundle: pki.bundle,
  'reversed bundle': files.bundleReversed,
  'PKCS#7 PEM': files.bundleP7bPem,
  'PKCS#7 DER': files.bundleP7bDer,
  'intermediate alone': pki.intermediate.cert,
  'other PKI root': otherPki.root.cert,
});

async function verdict(registry: keyof typeof served, source: CaSource | 'none', trustOnlySuppliedCa = false) {
  const caPem = source === 'none' ? undefined : (await loadCertificateFile(caFiles()[source])).pem;
  const report = await validate({ endpoint: served[registry]!.endpoint, tls: { caPem, trustOnlySuppliedCa } });
  return { report, outcome: failure(report)?.code ?? 'validated' };
}

describe('validating with the CA in every form', () => {
  it.each([
    // A server that sends its intermediate needs only the root.
    ['fullchain', 'root PEM', 'validated'],
    ['fullchain', 'root DER', 'validated'],
    ['fullchain', 'bundle', 'validated'],
    ['fullchain', 'reversed bundle', 'validated'],
    ['fullchain', 'PKCS#7 PEM', 'validated'],
    ['fullchain', 'PKCS#7 DER', 'validated'],
    ['fullchain', 'none', 'TLS_UNKNOWN_CA'],
    // Node will not anchor trust at an intermediate (no partial chains).
    ['fullchain', 'intermediate alone', 'TLS_UNKNOWN_CA'],
    // A server that sends its leaf alone needs the intermediate from the file.
    ['leafOnly', 'root PEM', 'TLS_INCOMPLETE_CHAIN'],
    ['leafOnly', 'root DER', 'TLS_INCOMPLETE_CHAIN'],
    ['leafOnly', 'bundle', 'validated'],
    ['leafOnly', 'reversed bundle', 'validated'],
    ['leafOnly', 'PKCS#7 DER', 'validated'],
    ['leafOnly', 'intermediate alone', 'TLS_UNKNOWN_CA'],
    // A server that sends its root too still needs it trusted.
    ['withRoot', 'root DER', 'validated'],
    ['withRoot', 'none', 'TLS_UNKNOWN_CA'],
  ] as const)('a %s server with the CA as %s: %s', async (registry, source, expected) => {
    const { report, outcome } = await verdict(registry, source);
    expect(outcome, JSON.stringify(failure(report))).toBe(expected);
    if (expected === 'validated') expect(step(report, 'tls').status).toBe('ok');
  });

  it('validates with only the supplied CA trusted, and fails the same way without it', async () => {
    expect((await verdict('fullchain', 'root DER', true)).outcome).toBe('validated');
    expect((await verdict('fullchain', 'other PKI root', true)).outcome).toBe('TLS_UNKNOWN_CA');
  });

  it('says where the chain ends when the chosen CA did not issue it (the match check)', async () => {
    const { report, outcome } = await verdict('fullchain', 'other PKI root');
    expect(outcome).toBe('TLS_UNKNOWN_CA');
    expect(step(report, 'tls').observed).toContainEqual(
      expect.stringMatching(
        /^This CA did not issue the server's certificate; the chain ends at O=Pack Registry Desk Tests, CN=Pack Registry Desk Test Intermediate CA, issued by .*Test Root CA\./,
      ),
    );
    // The right CA draws no such line.
    const right = await verdict('leafOnly', 'root PEM');
    expect(step(right.report, 'tls').observed.join('\n')).not.toMatch(/did not issue/);
  });
});
