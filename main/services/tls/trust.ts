import { getCACertificates } from 'node:tls';
import { X509Certificate } from 'node:crypto';

let systemRoots: string[] | undefined;

/**
 * The CA set to verify a registry against. Node's default store alone would miss the
 * operating system's store, where corporate CAs live, so both are included (once per process:
 * reading the system store takes tens of milliseconds). A supplied CA is added, or used alone
 * when the admin asks to trust nothing else.
 */
export function trustedCaCertificates(options: { caPem?: string | undefined; trustOnlySupplied?: boolean }): string[] {
  const supplied = options.caPem ? pemCertificates(options.caPem) : [];
  if (options.trustOnlySupplied) return supplied;
  systemRoots ??= [...new Set([...getCACertificates('default'), ...getCACertificates('system')])];
  return [...systemRoots, ...supplied];
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The CERTIFICATE blocks of a PEM text, each checked to parse, in file order. */
export function pemCertificates(text: string): string[] {
  return (text.match(PEM_CERTIFICATE) ?? []).filter((block) => {
    try {
      new X509Certificate(block);
      return true;
    } catch {
      return false;
    }
  });
}
