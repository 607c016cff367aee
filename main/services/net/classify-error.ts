import type { ErrorCode } from '../../../shared/errors';

export interface Classified {
  code: ErrorCode;
  /** What the system said, for the report's observed lines (never holds secrets: no URLs with credentials exist). */
  detail: string;
}

/**
 * Maps the codes Node, OpenSSL and undici give (docs/reference/tls.md#error-codes) to the causes an admin can act
 * on. Identical across net, tls and undici.request, so one table serves every step.
 */
const byCode: Record<string, ErrorCode> = {
  ENOTFOUND: 'DNS_NOT_FOUND',
  EAI_NONAME: 'DNS_NOT_FOUND',
  EAI_AGAIN: 'DNS_FAILED',
  EAI_FAIL: 'DNS_FAILED',
  ECONNREFUSED: 'TCP_REFUSED',
  ECONNRESET: 'TCP_RESET',
  EPIPE: 'TCP_RESET',
  UND_ERR_SOCKET: 'TCP_RESET',
  ETIMEDOUT: 'TCP_TIMEOUT',
  UND_ERR_CONNECT_TIMEOUT: 'TCP_TIMEOUT',
  ENETUNREACH: 'NETWORK_UNREACHABLE',
  EHOSTUNREACH: 'NETWORK_UNREACHABLE',
  EADDRNOTAVAIL: 'NETWORK_UNREACHABLE',
  UND_ERR_HEADERS_TIMEOUT: 'NO_RESPONSE',
  UND_ERR_BODY_TIMEOUT: 'NO_RESPONSE',
  RESPONSE_TOO_LARGE: 'RESPONSE_TOO_LARGE',
  TOO_MANY_REDIRECTS: 'REDIRECT_REFUSED',
  BAD_REDIRECT: 'REDIRECT_REFUSED',
  PROXY_CONNECT_REFUSED: 'PROXY_FAILED',
  UND_ERR_PRX_TLS: 'PROXY_FAILED',
  // Certificate verdicts (OpenSSL verify codes).
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS_SELF_SIGNED',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS_UNKNOWN_CA',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS_UNKNOWN_CA',
  UNABLE_TO_GET_ISSUER_CERT: 'TLS_UNKNOWN_CA',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS_INCOMPLETE_CHAIN',
  CERT_HAS_EXPIRED: 'TLS_EXPIRED',
  CERT_NOT_YET_VALID: 'TLS_NOT_YET_VALID',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS_HOSTNAME_MISMATCH',
  ERR_SSL_WRONG_VERSION_NUMBER: 'TLS_PLAIN_HTTP',
  ERR_SSL_PACKET_LENGTH_TOO_LONG: 'TLS_PLAIN_HTTP',
  ERR_SSL_HTTP_REQUEST: 'TLS_PLAIN_HTTP',
};

export function classifyError(error: unknown): Classified {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  const mapped = code ? byCode[code] : undefined;
  if (mapped) return { code: mapped, detail: code ? `${code}: ${message}` : message };
  // OpenSSL 1.1-era and BoringSSL (Electron) spell plain-HTTP-on-a-TLS-socket differently.
  if (/wrong version number|http request|packet length too long/i.test(message)) return { code: 'TLS_PLAIN_HTTP', detail: message };
  if (code?.startsWith('ERR_SSL') || code === 'EPROTO' || /ssl|tls/i.test(message))
    return { code: 'TLS_FAILED', detail: code ? `${code}: ${message}` : message };
  return { code: 'INTERNAL', detail: code ? `${code}: ${message}` : message };
}

/** Node puts the code on the error; undici's fetch hides it in `cause`. */
export function errorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
