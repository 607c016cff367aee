import type { X509Certificate } from 'node:crypto';
import type { CertificateSummary } from '../../../shared/model/certificate';
import { keyIdentifiers } from '../../../shared/pem';

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
    selfSigned: isSelfSigned(cert),
    ...(cert.signatureAlgorithm ? { signatureAlgorithm: cert.signatureAlgorithm } : {}),
    publicKey: publicKeyOf(cert),
  };
}

const keyIds = new WeakMap<X509Certificate, ReturnType<typeof keyIdentifiers>>();

/** The certificate's subject and authority key identifiers, read once per certificate object. */
export function keyIdsOf(cert: X509Certificate): ReturnType<typeof keyIdentifiers> {
  let ids = keyIds.get(cert);
  if (!ids) keyIds.set(cert, (ids = keyIdentifiers(cert.raw)));
  return ids;
}

const selfSignedCache = new WeakMap<X509Certificate, boolean>();

/**
 * Issued by itself and signed by its own key: a root, or a server's self-made certificate.
 * Remembered per certificate object: a signature check costs up to a millisecond (RSA 4096), and
 * a 144-certificate system bundle asked four times per certificate took 170 ms.
 */
export function isSelfSigned(cert: X509Certificate): boolean {
  let known = selfSignedCache.get(cert);
  if (known === undefined) {
    const { subjectKeyId, authorityKeyId } = keyIdsOf(cert);
    // Key identifiers that differ say another key signed it, without a signature check.
    const otherKey = subjectKeyId !== undefined && authorityKeyId !== undefined && subjectKeyId !== authorityKeyId;
    known = cert.subject === cert.issuer && !otherKey && cert.verify(cert.publicKey);
    selfSignedCache.set(cert, known);
  }
  return known;
}

/** Key type and strength, as a card shows it and the weak-key warning judges it. */
export function publicKeyOf(cert: X509Certificate): NonNullable<CertificateSummary['publicKey']> {
  const key = cert.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  return {
    algorithm: key.asymmetricKeyType ?? 'unknown',
    ...(details.modulusLength ? { bits: details.modulusLength } : {}),
    ...(details.namedCurve ? { curve: details.namedCurve } : {}),
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
export function oneLine(dn: string): string {
  return dn.split('\n').filter(Boolean).reverse().join(', ');
}
