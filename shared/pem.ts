/**
 * PEM read in one pass over the lines, with no regular expression that can backtrack: a 1 MiB
 * file of unterminated BEGIN lines costs the same as any other 1 MiB (docs/hostile-input.md).
 * Pure TypeScript so the shared schemas, the window and main all judge CA text the same way.
 */

/** Far above any CA bundle (the Mozilla store holds ~150 roots), far below what could stall a process. */
export const MAX_PEM_CERTIFICATES = 1500;
const MAX_LABEL_LENGTH = 64;

export interface PemBlock {
  /** The label between BEGIN and the dashes (RFC 7468 §2), e.g. CERTIFICATE. */
  label: string;
  /** The decoded body. */
  der: Uint8Array;
}

export type PemScan =
  | { ok: true; blocks: PemBlock[] }
  | { ok: false; problem: 'unterminated' | 'mismatched' | 'not-base64' | 'too-many'; blockNumber: number; label: string };

function boundary(line: string, kind: 'BEGIN' | 'END'): string | undefined {
  const prefix = `-----${kind} `;
  if (!line.startsWith(prefix) || !line.endsWith('-----')) return undefined;
  const label = line.slice(prefix.length, -5);
  if (label.length === 0 || label.length > MAX_LABEL_LENGTH) return undefined;
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x20)) return undefined;
  }
  return label;
}

/**
 * Every BEGIN…END block of the text, in order. Text between blocks is allowed and ignored
 * (RFC 7468 §2); inside a block, RFC 1421 header lines ("Proc-Type: …") are skipped, whitespace is
 * ignored and anything else must be base64. At most `maxBlocks` blocks are read.
 */
export function scanPem(text: string, maxBlocks = MAX_PEM_CERTIFICATES): PemScan {
  const blocks: PemBlock[] = [];
  let open: { label: string; parts: string[] } | undefined;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).trim();
    start = end + 1;
    const begin = boundary(line, 'BEGIN');
    if (!open) {
      if (begin === undefined) continue;
      if (blocks.length >= maxBlocks) return { ok: false, problem: 'too-many', blockNumber: blocks.length + 1, label: begin };
      open = { label: begin, parts: [] };
      continue;
    }
    const blockNumber = blocks.length + 1;
    if (begin !== undefined) return { ok: false, problem: 'unterminated', blockNumber, label: open.label };
    const closing = boundary(line, 'END');
    if (closing !== undefined) {
      if (closing !== open.label) return { ok: false, problem: 'mismatched', blockNumber, label: open.label };
      const der = decodeBase64(open.parts.join(''));
      if (!der) return { ok: false, problem: 'not-base64', blockNumber, label: open.label };
      blocks.push({ label: open.label, der });
      open = undefined;
    } else if (!line.includes(':')) {
      open.parts.push(line);
    }
  }
  if (open) return { ok: false, problem: 'unterminated', blockNumber: blocks.length + 1, label: open.label };
  return { ok: true, blocks };
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < BASE64_ALPHABET.length; i++) BASE64_VALUE[BASE64_ALPHABET.charCodeAt(i)] = i;

/** Strict base64 (whitespace inside lines ignored, `=` only at the end); undefined when it is not. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const values: number[] = [];
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0d) continue;
    if (c === 0x3d) {
      padding++;
      continue;
    }
    const value = c < 128 ? BASE64_VALUE[c]! : -1;
    if (value < 0 || padding > 0) return undefined;
    values.push(value);
  }
  if (values.length === 0 || padding > 2 || values.length % 4 === 1) return undefined;
  if (padding > 0 && (values.length + padding) % 4 !== 0) return undefined;
  const out = new Uint8Array(Math.floor((values.length * 6) / 8));
  let bits = 0;
  let buffer = 0;
  let at = 0;
  for (const value of values) {
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += BASE64_ALPHABET[(n >> 18) & 63]! + BASE64_ALPHABET[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? BASE64_ALPHABET[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? BASE64_ALPHABET[n & 63]! : '=';
  }
  return out;
}

/** PEM as Palette and Node expect it: 64-column base64, LF line ends, one trailing newline. */
export function certificatePem(der: Uint8Array): string {
  const base64 = encodeBase64(der);
  const lines: string[] = [];
  for (let i = 0; i < base64.length; i += 64) lines.push(base64.slice(i, i + 64));
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

interface Tlv {
  tag: number;
  /** Where the contents start and end. */
  start: number;
  end: number;
}

/** One DER element at `at`, definite length only; undefined when it runs past `limit`. */
function readTlv(der: Uint8Array, at: number, limit: number): Tlv | undefined {
  if (at + 2 > limit) return undefined;
  const tag = der[at]!;
  let length = der[at + 1]!;
  let start = at + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || start + count > limit) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + der[start + i]!;
    start += count;
  }
  const end = start + length;
  return end <= limit ? { tag, start, end } : undefined;
}

/** The tags of `parent`'s elements; undefined past `max` of them, so a hostile SEQUENCE costs nothing. */
function children(der: Uint8Array, parent: Tlv, max: number): number[] | undefined {
  const tags: number[] = [];
  for (let at = parent.start; at < parent.end;) {
    const child = readTlv(der, at, parent.end);
    if (!child || tags.length === max) return undefined;
    tags.push(child.tag);
    at = child.end;
  }
  return tags;
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const BIT_STRING = 0x03;
const EXPLICIT_0 = 0xa0;

/**
 * The length of the X.509 Certificate at the start of `der` (RFC 5280 §4.1), or undefined when the
 * bytes are something else. The shape alone tells a certificate from every other DER a CA field
 * could be handed: a PKCS#8, PKCS#1 or SEC1 key starts its SEQUENCE with an INTEGER, a public key
 * has two elements, a CSR's info has no validity, a CRL's none either. Main parses each fully.
 */
export function certificateLength(der: Uint8Array): number | undefined {
  const outer = readTlv(der, 0, der.length);
  if (!outer || outer.tag !== SEQUENCE) return undefined;
  if (children(der, outer, 3)?.join() !== [SEQUENCE, SEQUENCE, BIT_STRING].join()) return undefined;
  const tbs = readTlv(der, outer.start, outer.end)!;
  // version, serial, signature, issuer, validity, subject, key, two unique IDs, extensions
  const fields = children(der, tbs, 10);
  if (!fields) return undefined;
  const rest = fields[0] === EXPLICIT_0 ? fields.slice(1) : fields;
  // serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo
  if (rest.slice(0, 6).join() !== [INTEGER, SEQUENCE, SEQUENCE, SEQUENCE, SEQUENCE, SEQUENCE].join()) return undefined;
  return outer.end;
}

const OCTET_STRING = 0x04;
const OID = 0x06;
const EXTENSIONS = 0xa3;
const KEY_ID = 0x80;
const SUBJECT_KEY_ID = '551d0e'; // 2.5.29.14
const AUTHORITY_KEY_ID = '551d23'; // 2.5.29.35

function elements(der: Uint8Array, parent: { start: number; end: number }): Tlv[] {
  const found: Tlv[] = [];
  for (let at = parent.start; at < parent.end;) {
    const child = readTlv(der, at, parent.end);
    if (!child) return found;
    found.push(child);
    at = child.end;
  }
  return found;
}

const hex = (der: Uint8Array, { start, end }: { start: number; end: number }) =>
  Array.from(der.subarray(start, end), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * A certificate's subject key identifier and the authority key identifier naming its issuer's key
 * (RFC 5280 §4.2.1.1-2), as hex: what lets chain building try only the CA whose key matches
 * rather than every CA with the issuer's name.
 */
export function keyIdentifiers(der: Uint8Array): { subjectKeyId?: string; authorityKeyId?: string } {
  const outer = readTlv(der, 0, der.length);
  const tbs = outer && readTlv(der, outer.start, outer.end);
  const extensions = tbs && elements(der, tbs).find((field) => field.tag === EXTENSIONS);
  const list = extensions && readTlv(der, extensions.start, extensions.end);
  const ids: { subjectKeyId?: string; authorityKeyId?: string } = {};
  for (const extension of list ? elements(der, list) : []) {
    const [oid, ...rest] = elements(der, extension);
    const value = rest.at(-1);
    if (oid?.tag !== OID || value?.tag !== OCTET_STRING) continue;
    const inner = readTlv(der, value.start, value.end);
    if (!inner) continue;
    const id = hex(der, oid);
    if (id === SUBJECT_KEY_ID && inner.tag === OCTET_STRING) ids.subjectKeyId = hex(der, inner);
    if (id === AUTHORITY_KEY_ID && inner.tag === SEQUENCE) {
      const keyId = elements(der, inner).find((field) => field.tag === KEY_ID);
      if (keyId) ids.authorityKeyId = hex(der, keyId);
    }
  }
  return ids;
}

const SIGNED_DATA = '2a864886f70d010702'; // 1.2.840.113549.1.7.2, PKCS#7 signedData (RFC 2315 §9.1)

/** One DER ContentInfo holding signedData, exactly filling `der`: the only PKCS#7 worth decoding. */
export function isSignedDataContentInfo(der: Uint8Array): boolean {
  const outer = readTlv(der, 0, der.length);
  if (!outer || outer.tag !== SEQUENCE || outer.end !== der.length) return false;
  const contentType = readTlv(der, outer.start, outer.end);
  return contentType?.tag === OID && hex(der, contentType) === SIGNED_DATA;
}

/**
 * The tags of the elements of the one SEQUENCE that exactly fills `der`, or undefined when `der` is
 * not that or holds more than `max` of them: a cheap look before a full decoder is asked.
 */
export function sequenceTags(der: Uint8Array, max: number): number[] | undefined {
  const outer = readTlv(der, 0, der.length);
  if (!outer || outer.tag !== SEQUENCE || outer.end !== der.length) return undefined;
  return children(der, outer, max);
}
