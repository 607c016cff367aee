// The private-key check on a picked CA file, directly on bytes: every key form is caught, and the
// near misses (public keys, certificates, requests, truncated or mislabelled blocks, PKCS#12 look-alikes)
// are not. Keys come from Node's crypto and files from the openssl command line (test/fixtures).
import { generateKeyPairSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdsPrivateKey, pemLabels } from '../../../../../main/services/tls/private-key-detection';
import { writeCertificateFiles, type CertificateFiles } from '../../../../fixtures/certificate-files';
import { createPki, type Pki } from '../../../../fixtures/pki';
import { createTempDir, type TempDir } from '../../../../fixtures/temp-dir';

let dir: TempDir;
let pki: Pki;
let files: CertificateFiles;
beforeAll(async () => {
  dir = await createTempDir('private-key-detection');
  pki = await createPki(join(dir.path, 'pki'));
  files = await writeCertificateFiles(pki, dir.path);
});
afterAll(async () => dir.cleanup());

const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
const bytes = (text: string | Buffer) => (typeof text === 'string' ? Buffer.from(text, 'latin1') : text);
const pem = (label: string, body = 'MIIBszCCAVmgAwIBAgIQ') => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;

/** A PKCS#12 store's first bytes: PFX SEQUENCE, version 3, then the authSafe SEQUENCE and id-data. */
function pfxHead({ outer = [0x82, 0x01, 0x00], version = 0x03, authSafe = [0x30, 0x82, 0x01, 0x00], oid = 0x01 } = {}) {
  return Buffer.from([
    0x30,
    ...outer,
    0x02,
    0x01,
    version,
    ...authSafe,
    0x06,
    0x09,
    0x2a,
    0x86,
    0x48,
    0x86,
    0xf7,
    0x0d,
    0x01,
    0x07,
    oid,
    0xa0,
  ]);
}

describe('holdsPrivateKey: every form of a key', () => {
  it.each([
    ['PKCS#8 PEM', () => bytes(ec.privateKey.export({ format: 'pem', type: 'pkcs8' }))],
    ['PKCS#1 PEM', () => bytes(rsa.privateKey.export({ format: 'pem', type: 'pkcs1' }))],
    ['SEC1 PEM', () => bytes(ec.privateKey.export({ format: 'pem', type: 'sec1' }))],
    ['encrypted PKCS#8 PEM', () => bytes(pem('ENCRYPTED PRIVATE KEY'))],
    ['OpenSSH PEM', () => bytes(pem('OPENSSH PRIVATE KEY'))],
    ['a key after a certificate', () => bytes(pem('CERTIFICATE') + pem('PRIVATE KEY'))],
    ['a key after an unterminated BEGIN line', () => bytes(`-----BEGIN CERT\n${pem('PRIVATE KEY')}`)],
    ['a key label of 64 characters', () => bytes(pem(`${'X'.repeat(52)} PRIVATE KEY`))],
    ['PuTTY', () => bytes('PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n')],
    ['PuTTY after other text', () => bytes('notes\nPuTTY-User-Key-File-2: ssh-rsa\n')],
    ['PKCS#8 DER', () => ec.privateKey.export({ format: 'der', type: 'pkcs8' })],
    ['PKCS#1 DER', () => rsa.privateKey.export({ format: 'der', type: 'pkcs1' })],
    ['SEC1 DER', () => ec.privateKey.export({ format: 'der', type: 'sec1' })],
    ['encrypted PKCS#8 DER', () => ec.privateKey.export({ format: 'der', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'test' })],
    ['a PKCS#12 head, long-form lengths', () => pfxHead()],
    ['a PKCS#12 head, short-form lengths', () => pfxHead({ outer: [0x7f], authSafe: [0x30, 0x7f] })],
    ['a PKCS#12 head, six-byte authSafe header', () => pfxHead({ authSafe: [0x30, 0x84, 0x00, 0x00, 0x01, 0x00] })],
  ])('%s', (_what, make) => {
    expect(holdsPrivateKey(make())).toBe(true);
  });

  it('a real PKCS#12 store and encrypted DER key written by openssl', async () => {
    expect(holdsPrivateKey(await readFile(files.pkcs12))).toBe(true);
    expect(holdsPrivateKey(await readFile(files.encryptedKeyDer))).toBe(true);
  });
});

describe('holdsPrivateKey: near misses are not keys', () => {
  it.each([
    ['an empty file', () => Buffer.alloc(0)],
    ['a public key, PEM', () => bytes(ec.publicKey.export({ format: 'pem', type: 'spki' }))],
    ['an RSA public key, PEM', () => bytes(rsa.publicKey.export({ format: 'pem', type: 'pkcs1' }))],
    ['a certificate block', () => bytes(pem('CERTIFICATE'))],
    ['"PRIVATE KEY" outside a BEGIN line', () => bytes('PRIVATE KEY\n-----END PRIVATE KEY-----\n')],
    ['a BEGIN line never closed', () => bytes('-----BEGIN PRIVATE KEY\nMIIB')],
    ['a key label longer than 64 characters', () => bytes(pem(`${'X'.repeat(53)} PRIVATE KEY`))],
    ['PuTTY without its file marker', () => bytes('PuTTY-User-Key-File\n')],
    ['a public key, DER', () => ec.publicKey.export({ format: 'der', type: 'spki' })],
    ['a SEQUENCE of garbage', () => Buffer.from([0x30, 0x03, 0x02, 0x01, 0x00])],
    [
      'a PKCS#8 key not starting with a SEQUENCE',
      () => Buffer.concat([Buffer.from([0x31]), ec.privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(1)]),
    ],
    ['three bytes', () => Buffer.from([0x30, 0x01, 0x02])],
    ['a PKCS#12 head of version 2', () => pfxHead({ version: 0x02 })],
    ['a PKCS#12 head not starting with a SEQUENCE', () => Buffer.concat([Buffer.from([0x31]), pfxHead().subarray(1)])],
    ['a PKCS#12 head with another content type', () => pfxHead({ oid: 0x02 })],
    ['a PKCS#12 head whose id-data comes too late', () => pfxHead({ authSafe: [0x30, 0x85, 0x00, 0x00, 0x00, 0x01, 0x00] })],
    ['a PKCS#12 head whose version is not right after the length', () => pfxHead({ outer: [0x82, 0x01, 0x00, 0x00] })],
  ])('%s', (_what, make) => {
    expect(holdsPrivateKey(make())).toBe(false);
  });

  it.each(['rootDer', 'bundleReversed', 'bundleP7bPem', 'bundleP7bDer', 'csr', 'garbage', 'text', 'truncated'] as const)(
    'the %s file written by openssl',
    async (which) => {
      expect(holdsPrivateKey(await readFile(files[which]))).toBe(false);
    },
  );
});

describe('pemLabels', () => {
  it('reads every BEGIN label, skipping an unterminated or over-long one', () => {
    const text = `${pem('CERTIFICATE')}-----BEGIN ${'Y'.repeat(65)}-----\n-----BEGIN X509 CRL-----\n-----BEGIN never closed`;
    expect(pemLabels(bytes(text))).toEqual(['CERTIFICATE', 'X509 CRL']);
    expect(pemLabels(bytes(`-----BEGIN ${'Z'.repeat(64)}-----`))).toEqual(['Z'.repeat(64)]);
    expect(pemLabels(bytes('-----BEGIN -----'))).toEqual(['']);
    expect(pemLabels(Buffer.alloc(0))).toEqual([]);
  });
});
