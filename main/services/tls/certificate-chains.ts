import type { X509Certificate } from 'node:crypto';
import { isSelfSigned, keyIdsOf } from './certificate-summary';

/** `issuer` names `cert`'s issuer and its key made `cert`'s signature. */
export function issuedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/**
 * Without key identifiers to go by, this many same-named CAs are tried per certificate: a bundle
 * of a thousand CAs sharing one name but not a key would otherwise cost a million signature checks.
 */
const MAX_UNKEYED_TRIES = 2;

/**
 * Finds a certificate's issuer among a set by name, then by key identifier (RFC 5280 §4.2.1.1-2),
 * checking signatures only of the few candidates left: linear in the set, not quadratic.
 */
export class IssuerIndex {
  private readonly bySubject = new Map<string, X509Certificate[]>();

  constructor(certificates: readonly X509Certificate[]) {
    for (const cert of certificates) {
      const named = this.bySubject.get(cert.subject);
      if (named) named.push(cert);
      else this.bySubject.set(cert.subject, [cert]);
    }
  }

  /** The first of the set, in its order, that issued `cert` (never `cert` itself). */
  issuerOf(cert: X509Certificate): X509Certificate | undefined {
    const named = this.bySubject.get(cert.issuer) ?? [];
    const wanted = keyIdsOf(cert).authorityKeyId;
    const keyed = wanted === undefined ? [] : named.filter((candidate) => keyIdsOf(candidate).subjectKeyId === wanted);
    const unkeyed = named.filter((candidate) => wanted === undefined || keyIdsOf(candidate).subjectKeyId === undefined);
    return [...keyed, ...unkeyed.slice(0, MAX_UNKEYED_TRIES)].find((candidate) => candidate !== cert && issuedBy(cert, candidate));
  }
}

/**
 * Arranges certificates into chains, each running from a certificate nobody in the set issued up
 * to its root (or as far as the set goes). One chain means the set "forms a chain"; a bundle of
 * unrelated CAs gives one chain per CA. File order decides only between equals, so a bundle in
 * any order comes out the same.
 */
export function arrangeInChains(certificates: readonly X509Certificate[]): X509Certificate[][] {
  const index = new IssuerIndex(certificates);
  const issuerOf = new Map<X509Certificate, X509Certificate>();
  for (const cert of certificates) {
    if (isSelfSigned(cert)) continue;
    const issuer = index.issuerOf(cert);
    if (issuer) issuerOf.set(cert, issuer);
  }
  const issuers = new Set(issuerOf.values());
  const placed = new Set<X509Certificate>();
  const chains: X509Certificate[][] = [];
  for (const bottom of certificates.filter((cert) => !issuers.has(cert))) {
    const chain: X509Certificate[] = [];
    for (let cert: X509Certificate | undefined = bottom; cert && !placed.has(cert); cert = issuerOf.get(cert)) {
      chain.push(cert);
      placed.add(cert);
    }
    chains.push(chain);
  }
  // Only certificates issuing each other in a ring are left: keep them, in file order.
  const rest = certificates.filter((cert) => !placed.has(cert));
  if (rest.length > 0) chains.push(rest);
  return chains;
}

/** PEM as Palette and Node expect it: 64-column base64, LF line ends, one trailing newline. */
export function toPem(cert: X509Certificate): string {
  const base64 = cert.raw
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`;
}
