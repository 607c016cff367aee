import type { X509Certificate } from 'node:crypto';
import { IssuerIndex } from './certificate-chains';
import { isSelfSigned, oneLine } from './certificate-summary';
import { commonName } from './certificate-warnings';
import { parsedPemCertificates } from './trust';

export interface CaMatch {
  /**
   * True when the supplied CA is in the server's chain or signed one of its certificates; false
   * when it did not; null when that cannot be told, because the server sends its own certificate
   * without the CA certificate that issued it.
   */
  issuedByCa: boolean | null;
  message: string;
}

/**
 * The match check the wizard runs before validating: did the chosen CA issue the chain the
 * server presents? Says where the chain ends when it did not, since that names the CA to
 * look for. Null when `caPem` holds no certificate.
 */
export function matchSuppliedCa(chain: readonly X509Certificate[], caPem: string): CaMatch | null {
  const supplied = parsedPemCertificates(caPem).map(({ cert }) => cert);
  const top = chain.at(-1);
  if (supplied.length === 0 || !top) return null;
  const index = new IssuerIndex(supplied);
  const byFingerprint = new Map(supplied.map((ca) => [ca.fingerprint256, ca]));
  for (const [depth, cert] of chain.entries()) {
    const ca = byFingerprint.get(cert.fingerprint256) ?? index.issuerOf(cert);
    if (!ca) continue;
    const caName = nameOf(ca);
    if (ca.fingerprint256 === cert.fingerprint256) {
      return {
        issuedByCa: true,
        message:
          depth === 0
            ? `The chosen certificate, ${caName}, is the server's own certificate.`
            : `The chosen CA, ${caName}, is in the server's chain.`,
      };
    }
    const issued = depth === 0 ? "the server's certificate" : `${nameOf(cert)}, in the server's chain`;
    return { issuedByCa: true, message: `The chosen CA, ${caName}, issued ${issued}.` };
  }
  const chosen = supplied.map(nameOf).join(', ');
  const selfSigned = isSelfSigned(top);
  if (!selfSigned && !top.ca) {
    // Only the leaf was sent: the CA between it and the chosen one may exist, unseen.
    return {
      issuedByCa: null,
      message: `The server sends only its own certificate, issued by ${oneLine(top.issuer)}, without that CA's certificate, so whether the chosen CA (${chosen}) issued it cannot be told. Choose a file that also holds ${commonName(oneLine(top.issuer))}, or have the server send its full chain.`,
    };
  }
  const end = selfSigned ? `${oneLine(top.subject)} (self-signed)` : `${oneLine(top.subject)}, issued by ${oneLine(top.issuer)}`;
  // Test and corporate PKIs often reuse names: only the key tells two such CAs apart.
  const namesake =
    !selfSigned && supplied.some((ca) => ca.subject === top.issuer)
      ? ' It bears the issuer’s name but has another key: it is a different CA.'
      : '';
  return {
    issuedByCa: false,
    message: `This CA did not issue the server's certificate; the chain ends at ${end}. The chosen CA: ${chosen}.${namesake}`,
  };
}

function nameOf(cert: X509Certificate): string {
  return commonName(oneLine(cert.subject));
}
