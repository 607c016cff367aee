// Judging CA text costs time linear in its size and signature checks linear in
// its certificates. Budgets (`npm run bench`): any 1 MiB in under 0.5 s, the 1,150-CA same-name
// bundle in under 2 s. Here they are held by operation counts, and by times with a wide margin.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto, X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CaPemInputSchema } from '../../../../../shared/model/ca-pem';
import { MAX_PEM_CERTIFICATES } from '../../../../../shared/pem';
import { loadCertificateFile } from '../../../../../main/services/tls/load-certificate-file';
import { hostileDerFiles, hostilePemTexts, judgeCaText, MIB, sameSubjectBundle } from '../../../../fixtures/hostile-certificates';
import { createTempDir, type TempDir } from '../../../../fixtures/temp-dir';

let dir: TempDir;
beforeAll(async () => {
  dir = await createTempDir('certificate-cost');
});
afterAll(async () => dir.cleanup());
afterEach(() => vi.restoreAllMocks());

/** Four times the bench budget: a loaded CI machine passes, a backtracking or quadratic parser (11–104 s) does not. */
const ONE_MIB_LIMIT_MS = 2_000;

describe('1 MiB of hostile PEM text', () => {
  it.each([...Object.entries(hostilePemTexts()), ...Object.entries(hostileDerFiles())])(
    '%s is judged in linear time',
    async (_shape, text) => {
      expect(text.length).toBe(MIB);
      const started = performance.now();
      await judgeCaText(text, join(dir.path, 'hostile.pem'));
      expect(performance.now() - started).toBeLessThan(ONE_MIB_LIMIT_MS);
      expect(CaPemInputSchema.safeParse(text.toString()).success).toBe(false);
    },
  );
});

describe('a bundle of CAs sharing one name but not a key', () => {
  const COUNT = 300;
  let bundle: Awaited<ReturnType<typeof sameSubjectBundle>>;
  let keyed: Awaited<ReturnType<typeof sameSubjectBundle>>;
  beforeAll(async () => {
    [bundle, keyed] = await Promise.all([sameSubjectBundle(COUNT), sameSubjectBundle(COUNT, { keyIds: true })]);
  }, 60_000);

  it.each([
    ['without key identifiers: its own signature, then two same-named CAs', () => bundle, 3],
    ['with key identifiers: only a CA whose key matches, and none does', () => keyed, 0],
  ])('costs signature checks linear in its size, %s', async (_what, which, perCertificate) => {
    const { pem, orphan } = which();
    const verify = vi.spyOn(X509Certificate.prototype, 'verify');
    await judgeCaText(pem, join(dir.path, 'bundle.pem'), [orphan]);
    // Chain building and the match against a presented certificate; the old search made n² checks.
    expect(verify.mock.calls.length).toBeLessThanOrEqual(COUNT * perCertificate + 8);
    if (perCertificate > 0) expect(verify.mock.calls.length).toBeGreaterThanOrEqual(COUNT);
  });

  it('is still read whole and in file order', async () => {
    expect(CaPemInputSchema.parse(bundle.pem).match(/BEGIN CERTIFICATE/g)).toHaveLength(COUNT);
    const file = join(dir.path, 'bundle-order.pem');
    await judgeCaText(bundle.pem, file);
    expect((await loadCertificateFile(file)).certificates).toHaveLength(COUNT);
  });
});

describe('the number of certificates in one text', () => {
  it(`is capped at ${MAX_PEM_CERTIFICATES}, with a sentence that says so`, async () => {
    const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
    const keys = await webcrypto.subtle.generateKey(algorithm, false, ['sign', 'verify']);
    const tiny = await x509.X509CertificateGenerator.createSelfSigned({
      name: 'CN=a',
      keys,
      signingAlgorithm: algorithm,
      serialNumber: '01',
    });
    const pem = tiny
      .toString('pem')
      .concat('\n')
      .repeat(MAX_PEM_CERTIFICATES + 1);
    expect(pem.length).toBeLessThan(MIB);
    expect(CaPemInputSchema.safeParse(pem).error?.issues[0]?.message).toMatch(`more than ${MAX_PEM_CERTIFICATES} certificates`);
    const file = join(dir.path, 'many.pem');
    await judgeCaText(pem, file);
    await expect(loadCertificateFile(file)).rejects.toMatchObject({
      appError: { code: 'CERT_FILE_TOO_LARGE', message: expect.stringContaining(`more than ${MAX_PEM_CERTIFICATES} certificates`) },
    });
  });
});
