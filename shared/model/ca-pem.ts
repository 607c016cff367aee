import { z } from 'zod';
import { certificateLength, certificatePem, MAX_PEM_CERTIFICATES, scanPem } from '../pem';

const PRIVATE_KEY_MESSAGE = 'This holds a private key, which must never leave its server: supply only the CA certificate.';
/** RFC 7468 certificate labels; "TRUSTED CERTIFICATE" is OpenSSL's, with trust settings after the certificate. */
const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);

export type CaPemVerdict = { ok: true; pem: string; count: number } | { ok: false; message: string };

/**
 * CA text judged once, at every entry: it must be PEM certificates and nothing else, and what is
 * kept is the PEM re-encoded from the certificates, never the text as given. So a draft cannot
 * carry a private key, a stray line or a Terraform heredoc marker into the store or an export.
 * Empty (or only whitespace) means "no CA".
 */
export function judgeCaPem(text: string, options: { keepCertificatesOnly?: boolean } = {}): CaPemVerdict {
  if (text.trim() === '') return { ok: true, pem: '', count: 0 };
  const lenient = options.keepCertificatesOnly === true;
  if (!lenient && text.includes('PuTTY-User-Key-File-')) return { ok: false, message: PRIVATE_KEY_MESSAGE };
  const scan = scanPem(text);
  if (!scan.ok) {
    if (scan.label.includes('PRIVATE KEY')) return { ok: false, message: PRIVATE_KEY_MESSAGE };
    const which = `Certificate block ${scan.blockNumber} (${scan.label})`;
    switch (scan.problem) {
      case 'too-many':
        return {
          ok: false,
          message: `This holds more than ${MAX_PEM_CERTIFICATES} certificates; supply only the CAs this registry needs.`,
        };
      case 'unterminated':
        return { ok: false, message: `${which} has no END line: the text may be cut short.` };
      case 'mismatched':
        return { ok: false, message: `${which} ends with another label's END line.` };
      case 'not-base64':
        return { ok: false, message: `${which} is not base64.` };
    }
  }
  if (!lenient && scan.blocks.some((block) => block.label.includes('PRIVATE KEY'))) return { ok: false, message: PRIVATE_KEY_MESSAGE };
  if (scan.blocks.length === 0 && !lenient) {
    return {
      ok: false,
      message: 'This is not a PEM certificate: paste text from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.',
    };
  }
  const pems: string[] = [];
  for (const [i, { label, der }] of scan.blocks.entries()) {
    if (!CERTIFICATE_LABELS.has(label) && lenient) continue;
    if (!CERTIFICATE_LABELS.has(label))
      return { ok: false, message: `Block ${i + 1} is a ${label}, not a certificate: supply only CA certificates.` };
    const length = certificateLength(der);
    // Only OpenSSL's trusted form may carry anything after the certificate; it is dropped.
    if (length === undefined || (length !== der.length && label !== 'TRUSTED CERTIFICATE')) {
      if (lenient) continue;
      return { ok: false, message: `Block ${i + 1} (${label}) does not hold an X.509 certificate.` };
    }
    pems.push(certificatePem(der.subarray(0, length)));
  }
  return { ok: true, pem: pems.join(''), count: pems.length };
}

/**
 * CA certificates as a person or a draft file supplies them, re-encoded as canonical PEM. A private
 * key pasted or exported along with them is refused, not stored: registries.json is a plain file.
 */
export const CaPemInputSchema = z
  .string()
  .max(1_048_576, 'A CA certificate text is at most 1 MiB.')
  .transform((text, ctx) => {
    const verdict = judgeCaPem(text);
    if (verdict.ok) return verdict.pem;
    ctx.addIssue({ code: 'custom', message: verdict.message });
    return z.NEVER;
  });

/**
 * A stored record's CA: re-encoded on every read, so even a store written before this check (or
 * edited by hand) exports only its certificates; any other block is left out. A value that holds
 * none is dropped rather than making the whole store unreadable: with no CA the registry is
 * trusted less, never more.
 */
export const StoredCaPemSchema = z
  .string()
  .transform((text) => {
    const verdict = judgeCaPem(text, { keepCertificatesOnly: true });
    return verdict.ok && verdict.pem !== '' ? verdict.pem : undefined;
  })
  .optional();
