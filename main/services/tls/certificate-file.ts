import type * as PeculiarX509 from '@peculiar/x509';
import { isUtf8 } from 'node:buffer';
import { X509Certificate, webcrypto } from 'node:crypto';
import { AppErrorException, appError, type ErrorCode } from '../../../shared/errors';
import type { CertificateFileFormat } from '../../../shared/model/certificate';
import { certificateLength, isSignedDataContentInfo, MAX_PEM_CERTIFICATES, scanPem } from '../../../shared/pem';
import { holdsPrivateKey } from './private-key-detection';

/** Far above any CA bundle (the whole Mozilla store is about 220 KiB of PEM), far below harm. */
export const MAX_CERTIFICATE_FILE_BYTES = 1024 * 1024;

export interface ParsedCertificates {
  format: CertificateFileFormat;
  /** In file order, each certificate once. */
  certificates: X509Certificate[];
}

/**
 * Reads the certificates in a file's bytes: PEM with one or many certificates (PKCS#7 blocks
 * too), DER, or PKCS#7 DER. Throws an AppErrorException with a CERT_FILE_* code otherwise.
 *
 * A file holding a private key is refused before it is decoded into any string, and `bytes` is
 * overwritten with zeros (before any await), so the key's only copy in this process is gone.
 */
export async function parseCertificateBytes(bytes: Uint8Array): Promise<ParsedCertificates> {
  if (bytes.byteLength > MAX_CERTIFICATE_FILE_BYTES) throw refusal('CERT_FILE_TOO_LARGE');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.every((byte) => WHITESPACE.has(byte))) throw refusal('CERT_FILE_EMPTY');
  if (holdsPrivateKey(buffer)) {
    bytes.fill(0);
    throw refusal('CERT_FILE_PRIVATE_KEY');
  }
  return buffer.includes('-----BEGIN ') ? parsePem(buffer.toString('utf8')) : parseBinary(buffer);
}

const WHITESPACE = new Set([0x09, 0x0a, 0x0d, 0x20, 0xef, 0xbb, 0xbf]); // with a UTF-8 byte-order mark

// RFC 7468 labels; "TRUSTED CERTIFICATE" is OpenSSL's form with trust settings after the DER, which Node reads.
const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);
const PKCS7_LABELS = new Set(['PKCS7', 'CMS']);

async function parsePem(text: string): Promise<ParsedCertificates> {
  const scan = scanPem(text);
  if (!scan.ok) {
    if (scan.problem === 'too-many') throw tooMany();
    const which = `Block ${scan.blockNumber} (${scan.label})`;
    if (scan.problem === 'not-base64') throw damaged(`${which} could not be decoded.`);
    throw damaged(
      scan.problem === 'unterminated'
        ? 'A certificate block has no matching END line: the file may be cut short.'
        : `${which} ends with another label's END line.`,
    );
  }
  const certificates: X509Certificate[] = [];
  const otherLabels = new Set<string>();
  let certificateBlocks = 0;
  for (const [i, { label, der }] of scan.blocks.entries()) {
    // Bounded work per turn of the event loop: the window stays responsive while a bundle is read.
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
    if (!CERTIFICATE_LABELS.has(label) && !PKCS7_LABELS.has(label)) {
      otherLabels.add(label);
      continue;
    }
    const buffer = Buffer.from(der.buffer, der.byteOffset, der.byteLength);
    const found = PKCS7_LABELS.has(label) ? (isSignedDataContentInfo(der) ? await readPkcs7(buffer) : undefined) : readDer(buffer);
    if (!found) throw damaged(`Block ${i + 1} (${label}) could not be decoded.`);
    if (found.length === 0) {
      otherLabels.add(`${label} bundle without certificates`);
      continue;
    }
    if (!PKCS7_LABELS.has(label)) certificateBlocks++;
    certificates.push(...found);
    if (certificates.length > MAX_PEM_CERTIFICATES) throw tooMany();
  }
  if (certificates.length === 0) {
    const held = [...otherLabels].map((label) => `a ${label}`).join(', ');
    throw refusal('CERT_FILE_NO_CERTIFICATE', held ? { message: `The file holds ${held}, but no certificate.` } : {});
  }
  return { format: certificateBlocks === 0 ? 'pkcs7-pem' : 'pem', certificates: uniqueCertificates(certificates) };
}

const YIELD_EVERY = 64;

async function parseBinary(buffer: Buffer): Promise<ParsedCertificates> {
  // Only bytes shaped as a certificate or a PKCS#7 bundle reach a full DER decoder: 1 MiB of text
  // or of nested empty SEQUENCEs took the PKCS#7 decoder seconds to refuse.
  const single = certificateLength(buffer) === buffer.length ? readDer(buffer) : undefined;
  if (single) return { format: 'der', certificates: single };
  const bundle = isSignedDataContentInfo(buffer) ? await readPkcs7(buffer) : undefined;
  if (bundle?.length === 0)
    throw refusal('CERT_FILE_NO_CERTIFICATE', { message: 'The file is a PKCS#7 bundle with no certificate in it.' });
  if (bundle && bundle.length > MAX_PEM_CERTIFICATES) throw tooMany();
  if (bundle) return { format: 'pkcs7-der', certificates: uniqueCertificates(bundle) };
  // Valid UTF-8 without control characters is text someone can read: say so rather than "binary".
  const text = isUtf8(buffer) && !buffer.some((byte) => byte < 0x09 || (byte > 0x0d && byte < 0x20));
  throw refusal(text ? 'CERT_FILE_NO_CERTIFICATE' : 'CERT_FILE_UNRECOGNIZED');
}

function readDer(der: Buffer): X509Certificate[] | undefined {
  try {
    return [new X509Certificate(der)];
  } catch {
    return undefined;
  }
}

/** PKCS#7 "certs-only" (what `openssl crl2pkcs7` and Windows' .p7b export write), DER. */
async function readPkcs7(der: Buffer): Promise<X509Certificate[] | undefined> {
  const { X509Certificates } = await peculiarX509();
  try {
    return new X509Certificates(der).map((certificate) => new X509Certificate(Buffer.from(certificate.rawData)));
  } catch {
    return undefined;
  }
}

let loading: Promise<typeof PeculiarX509> | undefined;

/**
 * Node reads PEM and DER certificates itself; only PKCS#7 needs @peculiar/x509, whose import
 * takes about 90 ms, so it is loaded on first use rather than at every start of the app or CLI.
 */
function peculiarX509(): Promise<typeof PeculiarX509> {
  loading ??= (async () => {
    // It needs a Reflect polyfill before it loads (docs/reference/tls.md#parsing-certificates).
    await import('reflect-metadata');
    const x509 = await import('@peculiar/x509');
    x509.cryptoProvider.set(webcrypto);
    return x509;
  })();
  return loading;
}

function uniqueCertificates(certificates: X509Certificate[]): X509Certificate[] {
  const seen = new Set<string>();
  return certificates.filter((certificate) => !seen.has(certificate.fingerprint256) && seen.add(certificate.fingerprint256));
}

function refusal(code: ErrorCode, overrides: { message?: string } = {}): AppErrorException {
  return new AppErrorException(appError(code, overrides));
}

function tooMany(): AppErrorException {
  return refusal('CERT_FILE_TOO_LARGE', {
    message: `The file holds more than ${MAX_PEM_CERTIFICATES} certificates; a CA file for one registry needs a handful.`,
  });
}

function damaged(detail: string): AppErrorException {
  return refusal('CERT_FILE_DAMAGED', { message: `${appError('CERT_FILE_DAMAGED').message} ${detail}` });
}
