import type { X509Certificate } from 'node:crypto';
import { appError } from '../../../shared/errors';
import type { CertificateWarningCode } from '../../../shared/certificate-errors';
import type { CertificateSummary, CertificateWarning } from '../../../shared/model/certificate';
import { publicKeyOf, summarizeCertificate } from './certificate-summary';

const MIN_KEY_BITS = 2048;
// OpenSSL names, e.g. sha1WithRSAEncryption, ecdsa-with-SHA1, dsa_with_SHA1, md5WithRSAEncryption.
const WEAK_DIGEST = /sha1|md5|md2/i;
const MAX_CHAINS_NAMED = 5;

/**
 * What an admin should know before trusting these certificates. `chains` is the set as
 * arrangeInChains gave it; more than one chain is worth a word, not a refusal.
 */
export function certificateWarnings(chains: readonly X509Certificate[][], now: Date): CertificateWarning[] {
  const summaries = new Map(chains.flat().map((cert) => [cert, summarizeCertificate(cert)]));
  const warnings = [...summaries].flatMap(([cert, summary]) => warningsFor(cert, summary, now));
  if (chains.length > 1) {
    const nameOf = (cert: X509Certificate) => commonName(summaries.get(cert)?.subject ?? '');
    // A system bundle holds 140-odd roots: name a few, count the rest.
    const described = chains
      .slice(0, MAX_CHAINS_NAMED)
      .map((chain) => chain.map(nameOf).join(' → '))
      .join('; ');
    const more = chains.length > MAX_CHAINS_NAMED ? ` and ${chains.length - MAX_CHAINS_NAMED} more` : '';
    warnings.push(
      warning(
        'CERT_NOT_A_CHAIN',
        `The ${summaries.size} certificates in this file form ${chains.length} separate chains: ${described}${more}.`,
      ),
    );
  }
  return warnings;
}

function warningsFor(cert: X509Certificate, summary: CertificateSummary, now: Date): CertificateWarning[] {
  const name = commonName(summary.subject);
  const about = { fingerprintSha256: summary.fingerprintSha256 };
  const warnings: CertificateWarning[] = [];
  if (!summary.isCa) {
    warnings.push(
      summary.selfSigned
        ? // Trusting a server's own self-signed certificate is the one way a non-CA works here.
          warning(
            'CERT_NOT_CA',
            `${name} is not a CA certificate: it is self-signed, so it can vouch only for itself. It works only if the registry presents exactly this certificate.`,
            about,
          )
        : warning(
            'CERT_NOT_CA',
            `${name} is a server certificate, not a CA: it cannot vouch for the registry. Choose the certificate of its issuer, ${summary.issuer}.`,
            about,
          ),
    );
  }
  if (cert.validToDate.getTime() < now.getTime()) {
    warnings.push(warning('CERT_EXPIRED', `${name} expired on ${summary.validTo.slice(0, 10)}.`, about));
  } else if (cert.validFromDate.getTime() > now.getTime()) {
    warnings.push(warning('CERT_NOT_YET_VALID', `${name} is valid only from ${summary.validFrom.slice(0, 10)}.`, about));
  }
  // A root's own signature is never checked (the trust anchor is taken as given, RFC 5280 §6.1),
  // and OpenSSL exempts it too: a SHA-1 self-signature harms nothing.
  if (!summary.selfSigned && WEAK_DIGEST.test(summary.signatureAlgorithm ?? '')) {
    warnings.push(warning('CERT_WEAK_SIGNATURE', `${name} is signed with ${summary.signatureAlgorithm}, which can be forged.`, about));
  }
  const key = publicKeyOf(cert);
  if (
    (key.algorithm === 'rsa' || key.algorithm === 'rsa-pss' || key.algorithm === 'dsa') &&
    key.bits !== undefined &&
    key.bits < MIN_KEY_BITS
  ) {
    warnings.push(
      warning(
        'CERT_WEAK_KEY',
        `${name} has a ${key.bits}-bit ${key.algorithm.toUpperCase()} key; ${MIN_KEY_BITS} bits is the least current clients accept.`,
        about,
      ),
    );
  }
  return warnings;
}

export function warning(code: CertificateWarningCode, message: string, about: { fingerprintSha256?: string } = {}): CertificateWarning {
  return { ...appError(code, { message }), code, ...about };
}

/** "CN=Acme Root, O=Acme" → "Acme Root": what an admin calls a certificate; the whole name when it has no CN. */
export function commonName(subject: string): string {
  return /(?:^|, )CN=([^,]+)/.exec(subject)?.[1] ?? subject;
}
