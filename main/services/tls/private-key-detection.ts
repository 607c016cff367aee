import { createPrivateKey } from 'node:crypto';
import { sequenceTags } from '../../../shared/pem';

/**
 * True when the bytes hold a private key in any common form: PEM ("… PRIVATE KEY", OpenSSH
 * included), PuTTY, DER (PKCS#8, PKCS#1, SEC1, encrypted or not) or PKCS#12. Works on the bytes
 * without turning the file into a string, so the caller can wipe the only copy afterwards.
 */
export function holdsPrivateKey(bytes: Buffer): boolean {
  return (
    pemLabels(bytes).some((label) => label.includes('PRIVATE KEY')) ||
    bytes.includes('PuTTY-User-Key-File-') ||
    isDerPrivateKey(bytes) ||
    isPkcs12(bytes)
  );
}

const BEGIN = Buffer.from('-----BEGIN ');
const DASHES = Buffer.from('-----');
const MAX_LABEL_LENGTH = 64;

/** The labels of every "-----BEGIN <label>-----" line, read straight from the bytes. */
export function pemLabels(bytes: Buffer): string[] {
  const labels: string[] = [];
  for (let at = bytes.indexOf(BEGIN); at !== -1; at = bytes.indexOf(BEGIN, at + BEGIN.length)) {
    const start = at + BEGIN.length;
    const end = bytes.indexOf(DASHES, start);
    if (end !== -1 && end - start <= MAX_LABEL_LENGTH) labels.push(bytes.toString('latin1', start, end));
  }
  return labels;
}

const DER_KEY_TYPES = ['pkcs8', 'pkcs1', 'sec1'] as const;

/**
 * OpenSSL is the judge of what a key is. Every DER key starts with a SEQUENCE tag; anything else
 * is not tried. A passphrase demand means an encrypted PKCS#8 key: a key all the same.
 */
function isDerPrivateKey(bytes: Buffer): boolean {
  // Every such key is one SEQUENCE of at most ten fields (RFC 5208, 5958, 8017, 5915); OpenSSL took
  // seconds to refuse a megabyte of nested SEQUENCEs, so nothing else is handed to it.
  const tags = sequenceTags(bytes, 10);
  if (!tags || (tags[0] !== 0x02 && tags[0] !== 0x30)) return false;
  return DER_KEY_TYPES.some((type) => {
    try {
      createPrivateKey({ key: bytes, format: 'der', type });
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ERR_MISSING_PASSPHRASE';
    }
  });
}

// PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo { contentType id-data, … } } (RFC 7292 §4).
const PKCS12_VERSION = Buffer.from([0x02, 0x01, 0x03, 0x30]);
const ID_DATA = Buffer.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01]);

/**
 * Recognises a PKCS#12 key store by its first fields rather than by opening it, which would need
 * its password and would load the key. Certificates and PKCS#7 never start this way.
 */
function isPkcs12(bytes: Buffer): boolean {
  if (bytes[0] !== 0x30 || bytes.length < 4) return false;
  const lengthByte = bytes[1] ?? 0;
  const headerLength = lengthByte < 0x80 ? 2 : 2 + (lengthByte & 0x7f);
  if (!bytes.subarray(headerLength, headerLength + PKCS12_VERSION.length).equals(PKCS12_VERSION)) return false;
  // The authSafe SEQUENCE header takes at most 6 bytes before its content type.
  const authSafeStart = headerLength + PKCS12_VERSION.length - 1;
  return bytes.subarray(authSafeStart, authSafeStart + 6 + ID_DATA.length).includes(ID_DATA);
}
