// The CA file parser on certificates generated for this run, in every form a person might pick.
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppErrorException } from '../../../../../shared/errors';
import { parseCertificateBytes } from '../../../../../main/services/tls/certificate-file';
import { loadCertificateFile } from '../../../../../main/services/tls/load-certificate-file';
import { writeCertificateFiles, opensslFingerprint, type CertificateFiles } from '../../../../fixtures/certificate-files';
import { createPki, type Pki } from '../../../../fixtures/pki';
import { createTempDir, type TempDir } from '../../../../fixtures/temp-dir';

let dir: TempDir;
let pki: Pki;
let files: CertificateFiles;

beforeAll(async () => {
  dir = await createTempDir('certificate-file');
  pki = await createPki(join(dir.path, 'pki'));
  files = await writeCertificateFiles(pki, dir.path);
});
afterAll(async () => dir.cleanup());

/** The AppError code a load is refused with. */
async function refusal(path: string) {
  try {
    await loadCertificateFile(path);
  } catch (error) {
    if (error instanceof AppErrorException) return error.appError;
    throw error;
  }
  throw new Error(`${path} was accepted`);
}

const fingerprintOf = (pem: string) => new X509Certificate(pem).fingerprint256;

describe('loadCertificateFile: what is accepted', () => {
  it('reads a single PEM root with a full summary, no warnings, and the PEM normalised', async () => {
    const file = await loadCertificateFile(pki.root.cert);
    expect(file).toMatchObject({ fileName: 'ca.pem', format: 'pem', warnings: [] });
    expect(file.certificates).toHaveLength(1);
    expect(file.certificates[0]).toMatchObject({
      subject: expect.stringContaining('CN=Pack Registry Desk Test Root CA'),
      isCa: true,
      selfSigned: true,
      signatureAlgorithm: 'ecdsa-with-SHA256',
      publicKey: { algorithm: 'ec', curve: 'prime256v1' },
      fingerprintSha256: await opensslFingerprint(pki.root.cert),
    });
    expect(file.pem).toBe(pki.root.certPem);
  });

  it('reads a bundle in either order into the same chain order: intermediate, then root', async () => {
    const inOrder = await loadCertificateFile(pki.bundle);
    const reversed = await loadCertificateFile(files.bundleReversed);
    expect(inOrder.certificates.map((c) => c.subject)).toEqual([
      expect.stringContaining('Intermediate CA'),
      expect.stringContaining('Root CA'),
    ]);
    expect(reversed.pem).toBe(inOrder.pem);
    expect(inOrder.pem).toBe(pki.intermediate.certPem + pki.root.certPem);
    expect(inOrder.warnings).toEqual([]);
  });

  it('reads DER, PKCS#7 PEM and PKCS#7 DER written by openssl', async () => {
    const der = await loadCertificateFile(files.rootDer);
    expect(der).toMatchObject({ format: 'der', pem: pki.root.certPem, warnings: [] });
    expect(der.certificates[0]?.fingerprintSha256).toBe(await opensslFingerprint(files.rootDer, 'DER'));
    const bundle = await loadCertificateFile(pki.bundle);
    for (const [path, format] of [
      [files.bundleP7bPem, 'pkcs7-pem'],
      [files.bundleP7bDer, 'pkcs7-der'],
    ] as const) {
      const p7 = await loadCertificateFile(path);
      expect(p7.format).toBe(format);
      expect(p7.pem).toBe(bundle.pem);
      expect(p7.warnings).toEqual([]);
    }
  });

  it('keeps each certificate once', async () => {
    const twice = join(dir.path, 'twice.pem');
    await writeFile(twice, pki.root.certPem + '\r\n' + pki.root.certPem.replace(/\n/g, '\r\n'));
    expect((await loadCertificateFile(twice)).certificates).toHaveLength(1);
  });
});

describe('loadCertificateFile: what is refused, each with its own code', () => {
  it.each([
    ['a certificate followed by its private key', 'certWithKey'],
    ['a DER PKCS#8 key', 'keyDer'],
    ['an encrypted DER PKCS#8 key', 'encryptedKeyDer'],
    ['a PKCS#12 key store', 'pkcs12'],
  ] as const)('refuses %s as CERT_FILE_PRIVATE_KEY', async (_, which) => {
    expect(await refusal(files[which])).toMatchObject({ code: 'CERT_FILE_PRIVATE_KEY', message: expect.stringContaining('private key') });
  });

  it('wipes the bytes of a key-holding file before refusing it', async () => {
    const bytes = await readFile(files.certWithKey);
    await expect(parseCertificateBytes(bytes)).rejects.toThrow(AppErrorException);
    expect(bytes.every((byte) => byte === 0)).toBe(true);
    const certificateOnly = await readFile(pki.root.cert);
    await parseCertificateBytes(certificateOnly);
    expect(certificateOnly.toString('utf8')).toBe(pki.root.certPem);
  });

  it('tells empty, binary garbage, text, a request and a cut-short file apart', async () => {
    const blank = join(dir.path, 'blank.pem');
    await writeFile(blank, '\n  \r\n');
    expect((await refusal(files.empty)).code).toBe('CERT_FILE_EMPTY');
    expect((await refusal(blank)).code).toBe('CERT_FILE_EMPTY');
    expect((await refusal(files.garbage)).code).toBe('CERT_FILE_UNRECOGNIZED');
    expect((await refusal(files.text)).code).toBe('CERT_FILE_NO_CERTIFICATE');
    expect(await refusal(files.csr)).toMatchObject({
      code: 'CERT_FILE_NO_CERTIFICATE',
      message: 'The file holds a CERTIFICATE REQUEST, but no certificate.',
    });
    expect(await refusal(files.truncated)).toMatchObject({ code: 'CERT_FILE_DAMAGED', message: expect.stringContaining('cut short') });
  });

  it('refuses a 5 MiB file by its size, and a damaged block by its number', async () => {
    expect(await refusal(files.fiveMiB)).toMatchObject({
      code: 'CERT_FILE_TOO_LARGE',
      message: 'huge.pem is 5.0 MiB; a CA certificate file is at most 1 MiB.',
    });
    await expect(parseCertificateBytes(new Uint8Array(1024 * 1024 + 1))).rejects.toThrow(/larger than 1 MiB/);
    const damaged = join(dir.path, 'damaged.pem');
    await writeFile(damaged, pki.root.certPem + pki.intermediate.certPem.replace(/^(-----BEGIN CERTIFICATE-----\n.{10})./m, '$1*'));
    expect(await refusal(damaged)).toMatchObject({ code: 'CERT_FILE_DAMAGED', message: expect.stringContaining('Block 2 (CERTIFICATE)') });
  });

  it('refuses what cannot be read: a missing file, a folder, a FIFO (without hanging)', async () => {
    expect(await refusal(join(dir.path, 'missing.pem'))).toMatchObject({
      code: 'CERT_FILE_UNREADABLE',
      message: 'missing.pem could not be read (ENOENT).',
    });
    const folder = join(dir.path, 'a-folder.pem');
    await mkdir(folder);
    expect(await refusal(folder)).toMatchObject({ code: 'CERT_FILE_UNREADABLE', message: 'a-folder.pem is not a regular file.' });
    const fifo = join(dir.path, 'pipe.pem');
    await promisify(execFile)('mkfifo', [fifo]);
    expect(await refusal(fifo)).toMatchObject({ code: 'CERT_FILE_UNREADABLE' });
  });
});

describe('warnings on the chosen file', () => {
  it('says a server certificate is not a CA and names its issuer; a fullchain still forms one chain', async () => {
    const file = await loadCertificateFile(pki.leaf.fullchain);
    expect(file.warnings).toEqual([
      expect.objectContaining({
        code: 'CERT_NOT_CA',
        fingerprintSha256: fingerprintOf(pki.leaf.certPem),
        message: expect.stringMatching(/^localhost is a server certificate, not a CA: .*Test Intermediate CA/),
      }),
    ]);
  });

  it('words a self-signed server certificate differently: it can vouch only for itself', async () => {
    const [warning] = (await loadCertificateFile(pki.selfSignedLeaf.cert)).warnings;
    expect(warning).toMatchObject({
      code: 'CERT_NOT_CA',
      message: expect.stringContaining('self-signed, so it can vouch only for itself'),
    });
  });

  it('warns of expired and not-yet-valid certificates with their dates', async () => {
    const expired = await loadCertificateFile(pki.expiredLeaf.cert);
    expect(expired.warnings.map((w) => w.code)).toEqual(['CERT_NOT_CA', 'CERT_EXPIRED']);
    expect(expired.warnings[1]?.message).toMatch(/expired on \d{4}-\d{2}-\d{2}\./);
    const early = await loadCertificateFile(pki.notYetValidLeaf.cert);
    expect(early.warnings.map((w) => w.code)).toEqual(['CERT_NOT_CA', 'CERT_NOT_YET_VALID']);
  });

  it('warns of a SHA-1 signature and of a 1024-bit RSA key', async () => {
    const sha1 = await loadCertificateFile(files.sha1Leaf);
    expect(sha1.certificates[0]?.signatureAlgorithm).toBe('ecdsa-with-SHA1');
    expect(sha1.warnings).toContainEqual(
      expect.objectContaining({
        code: 'CERT_WEAK_SIGNATURE',
        message: 'sha1.example.test is signed with ecdsa-with-SHA1, which can be forged.',
      }),
    );
    const weakPki = await createPki(join(dir.path, 'weak'), {
      keyAlgorithm: { kind: 'rsa', modulusLength: 2048 },
      leafKeyAlgorithm: { kind: 'rsa', modulusLength: 1024 },
    });
    const weak = await loadCertificateFile(weakPki.leaf.cert);
    expect(weak.certificates[0]?.publicKey).toEqual({ algorithm: 'rsa', bits: 1024 });
    expect(weak.warnings).toContainEqual(
      expect.objectContaining({ code: 'CERT_WEAK_KEY', message: expect.stringContaining('1024-bit RSA key') }),
    );
    // The 2048-bit CAs above it are fine.
    expect((await loadCertificateFile(weakPki.bundle)).warnings).toEqual([]);
  });

  it('warns when a bundle holds unrelated certificates, naming each chain', async () => {
    const otherPki = await createPki(join(dir.path, 'other'));
    const mixed = join(dir.path, 'mixed.pem');
    await writeFile(mixed, pki.leaf.certPem + otherPki.root.certPem + pki.intermediate.certPem);
    const file = await loadCertificateFile(mixed);
    expect(file.certificates.map((c) => c.fingerprintSha256)).toEqual(
      [pki.leaf.certPem, pki.intermediate.certPem, otherPki.root.certPem].map(fingerprintOf),
    );
    expect(file.warnings.at(-1)).toMatchObject({
      code: 'CERT_NOT_A_CHAIN',
      message:
        'The 3 certificates in this file form 2 separate chains: localhost → Pack Registry Desk Test Intermediate CA; Pack Registry Desk Test Root CA.',
    });
    expect(file.warnings.at(-1)?.fingerprintSha256).toBeUndefined();
  });
});
