import type { X509Certificate } from 'node:crypto';
import type { CertificateSummary } from '../../../shared/model/certificate';

export function summarizeCertificate(cert: X509Certificate): CertificateSummary {
  return {
    subject: oneLine(cert.subject),
    issuer: oneLine(cert.issuer),
    subjectAltNames: subjectAltNames(cert),
    serialNumber: cert.serialNumber,
    validFrom: cert.validFromDate.toISOString(),
    validTo: cert.validToDate.toISOString(),
    fingerprintSha256: cert.fingerprint256,
    isCa: cert.ca,
    selfSigned: cert.subject === cert.issuer && cert.verify(cert.publicKey),
  };
}

/** "DNS:a, IP Address:1.2.3.4" → ["a", "1.2.3.4"]: the names a client may match against. */
export function subjectAltNames(cert: X509Certificate): string[] {
  return (cert.subjectAltName ?? '')
    .split(/,\s*/)
    .map((entry) => entry.replace(/^(DNS|IP Address):/, '').trim())
    .filter((name) => name.length > 0);
}

/** Node prints distinguished names one attribute per line; reports want one line, most specific first. */
function oneLine(dn: string): string {
  return dn.split('\n').filter(Boolean).reverse().join(', ');
}
