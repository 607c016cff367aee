import type { TlsSummary } from './model/registry';

/**
 * How the registry's server is trusted: skip-verify (not at all), a private CA the admin uploaded,
 * the operating system's CAs, or no TLS at all (plain http).
 */
export type TlsPosture = 'skip-verify' | 'private-ca' | 'system' | 'none';

export function tlsPosture(endpoint: string, tls: Pick<TlsSummary, 'skipVerify' | 'privateCa'>): TlsPosture {
  if (/^http:\/\//i.test(endpoint.trim())) return 'none';
  if (tls.skipVerify) return 'skip-verify';
  return tls.privateCa ? 'private-ca' : 'system';
}
