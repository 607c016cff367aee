// certs:fetch-presented against real registries: the chain as the server sends it, checked
// against openssl's own fingerprints; the verdict with and without the CA; the match check; and
// trust on first use, proved by validating afterwards without skipping verification.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppErrorException } from '../../../shared/errors';
import { FetchPresentedChainInputSchema } from '../../../shared/model/certificate';
import { fetchPresentedChain } from '../../../main/services/tls/presented-chain';
import { opensslFingerprint } from '../../fixtures/certificate-files';
import { startHttpProxy } from '../../fixtures/http-proxy';
import { findFreePort } from '../../fixtures/ports';
import { createPki, type Pki } from '../../fixtures/pki';
import { startRegistry, type RunningRegistry } from '../../fixtures/registry';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';
import { failure, validate } from '../validation/validate-support';

let dir: TempDir;
let pki: Pki;
let otherPki: Pki;
let fullchain: RunningRegistry;
let withRoot: RunningRegistry;
let selfSigned: RunningRegistry;

beforeAll(async () => {
  dir = await createTempDir('presented-chain');
  [pki, otherPki] = await Promise.all([createPki(join(dir.path, 'pki')), createPki(join(dir.path, 'other'))]);
  const withRootFile = join(dir.path, 'leaf-with-root.pem');
  await writeFile(withRootFile, pki.leaf.certPem + pki.intermediate.certPem + pki.root.certPem);
  [fullchain, withRoot, selfSigned] = await Promise.all([
    startRegistry({ tls: { certificate: pki.leaf.fullchain, key: pki.leaf.key } }),
    startRegistry({ tls: { certificate: withRootFile, key: pki.leaf.key } }),
    startRegistry({ tls: { certificate: pki.selfSignedLeaf.cert, key: pki.selfSignedLeaf.key } }),
  ]);
});
afterAll(async () => {
  await Promise.all([fullchain, withRoot, selfSigned].map((registry) => registry?.stop()));
  await dir?.cleanup();
});

const fetchChain = (input: Record<string, unknown>) =>
  fetchPresentedChain(FetchPresentedChainInputSchema.parse({ proxy: { fromEnvironment: false }, connectTimeoutMs: 3000, ...input }), {
    env: {},
  });

async function refusal(input: Record<string, unknown>) {
  try {
    await fetchChain(input);
  } catch (error) {
    if (error instanceof AppErrorException) return error.appError;
    throw error;
  }
  throw new Error('fetched');
}

describe('certs:fetch-presented', () => {
  it('returns the chain as sent, with the fingerprints openssl computes, unverified without the CA', async () => {
    const presented = await fetchChain({ endpoint: fullchain.endpoint });
    expect(presented.chain.map((c) => [c.subject, c.isCa, c.trusted])).toEqual([
      [expect.stringContaining('CN=localhost'), false, false],
      [expect.stringContaining('CN=Pack Registry Desk Test Intermediate CA'), true, false],
    ]);
    expect(presented.chain.map((c) => c.fingerprintSha256)).toEqual([
      await opensslFingerprint(pki.leaf.cert),
      await opensslFingerprint(pki.intermediate.cert),
    ]);
    expect(presented.chain[0]).toMatchObject({
      subjectAltNames: ['localhost', '127.0.0.1', '0:0:0:0:0:0:0:1'],
      pem: pki.leaf.certPem,
      signatureAlgorithm: 'ecdsa-with-SHA256',
    });
    expect(presented).toMatchObject({
      endpoint: fullchain.endpoint,
      proxy: null,
      verified: false,
      problem: { code: 'TLS_UNKNOWN_CA' },
      caMatch: null,
    });
    // The top is an intermediate: trusting it would not do, and the wizard is told what to get instead.
    expect(presented.trustOffer).toEqual({
      available: false,
      reason: expect.stringMatching(/^The server does not send its root CA: .* get the certificate of Pack Registry Desk Test Root CA/),
    });
  });

  it('verifies with the root supplied, completing the chain with it', async () => {
    const presented = await fetchChain({ endpoint: fullchain.endpoint, caPem: pki.root.certPem, trustOnlySuppliedCa: true });
    expect(presented).toMatchObject({ verified: true, problem: null, caMatch: { issuedByCa: true }, trustOffer: { available: false } });
    expect(presented.chain.map((c) => c.trusted)).toEqual([false, false, true]);
    expect(presented.chain[2]?.fingerprintSha256).toBe(await opensslFingerprint(pki.root.cert));
  });

  it('says the chosen CA did not issue the chain, and where it ends, when another PKI is chosen', async () => {
    const presented = await fetchChain({ endpoint: fullchain.endpoint, caPem: otherPki.root.certPem });
    expect(presented.verified).toBe(false);
    expect(presented.caMatch).toEqual({
      issuedByCa: false,
      message: expect.stringMatching(
        /^This CA did not issue the server's certificate; the chain ends at O=Pack Registry Desk Tests, CN=Pack Registry Desk Test Intermediate CA, issued by/,
      ),
    });
  });

  it('offers the root a server sends for trust on first use; trusting it validates without skipping verification', async () => {
    const presented = await fetchChain({ endpoint: withRoot.endpoint });
    expect(presented.chain).toHaveLength(3);
    expect(presented.trustOffer).toEqual({ available: true, index: 2, fingerprintSha256: await opensslFingerprint(pki.root.cert) });
    const trusted = presented.chain[2]!.pem;
    const report = await validate({
      endpoint: withRoot.endpoint,
      tls: { caPem: trusted, trustOnlySuppliedCa: true, insecureSkipVerify: false },
    });
    expect(failure(report)).toBeUndefined();
  });

  it('offers a self-signed server certificate itself, and trusting it validates', async () => {
    const presented = await fetchChain({ endpoint: selfSigned.endpoint });
    expect(presented).toMatchObject({ verified: false, problem: { code: 'TLS_SELF_SIGNED' }, trustOffer: { available: true, index: 0 } });
    const report = await validate({ endpoint: selfSigned.endpoint, tls: { caPem: presented.chain[0]!.pem } });
    expect(failure(report)).toBeUndefined();
  });

  it('goes through the proxy the validation would use', async () => {
    const proxy = await startHttpProxy();
    try {
      const presented = await fetchChain({
        endpoint: fullchain.endpoint,
        caPem: pki.root.certPem,
        proxy: { url: proxy.url, fromEnvironment: false },
      });
      expect(presented).toMatchObject({ verified: true, proxy: proxy.url });
      expect(await proxy.sawConnect(fullchain.hostPort)).toBe(true);
    } finally {
      await proxy.stop();
    }
  });

  it('refuses plain HTTP and names connection failures with the validation codes', async () => {
    expect(await refusal({ endpoint: `http://${fullchain.hostPort}` })).toMatchObject({ code: 'CERT_NO_TLS', field: 'endpoint' });
    expect(await refusal({ endpoint: 'ftp://x' })).toMatchObject({ code: 'ENDPOINT_INVALID' });
    expect(await refusal({ endpoint: `https://127.0.0.1:${await findFreePort()}` })).toMatchObject({
      code: 'TCP_REFUSED',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });
});
