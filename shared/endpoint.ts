import { appError, type AppError } from './errors';
import { unsafeCharacter, unsafeCharacterMessage } from './text-rules';

/*
 * The one endpoint parser: validation, the draft and store schemas, the form and the command line
 * all judge an endpoint with it, so import accepts exactly what validation does. Pure TypeScript
 * (WHATWG URL only), so the shared schemas can use it.
 */

export interface RegistryEndpoint {
  scheme: 'https' | 'http';
  /** Host name or IP address, IPv6 without brackets. */
  host: string;
  port: number;
  /** 0 for a host name, else 4 or 6. */
  ipVersion: 0 | 4 | 6;
  /** A path in front of /v2/ (JFrog: /artifactory/api/docker/<repo>), no trailing slash; often ''. */
  pathPrefix: string;
  /** scheme://host[:port], IPv6 in brackets, default port left out. */
  origin: string;
  /** host:port as a registry client names it, IPv6 in brackets. */
  hostPort: string;
  /** Where the registry API lives: origin + prefix + /v2/. */
  apiBase: string;
}

export type ParsedEndpoint = { ok: true; endpoint: RegistryEndpoint } | { ok: false; error: AppError };

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/**
 * Accepts what admins paste: host, host:port, http(s) URLs in any case, IPv4 and bracketed IPv6
 * literals, trailing slashes and a trailing /v2/. Defaults to https, as Palette does.
 */
export function parseEndpoint(raw: string): ParsedEndpoint {
  const text = raw.trim();
  if (text === '') return invalid('Enter the registry endpoint.');
  if (/\s/.test(text)) return invalid('The endpoint contains a space; remove it.');
  // URL parsing silently drops control characters at the ends: "h.example\u0007" would pass as h.example.
  const unsafe = unsafeCharacter(text);
  if (unsafe) return invalid(unsafeCharacterMessage('The endpoint', unsafe));
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    return invalid(`"${scheme}://" is not a registry address: use https:// (or http:// for a plain-HTTP registry), or just host:port.`);
  }
  if (/[?#]/.test(text)) return invalid('Remove the query (?…) or fragment (#…) from the endpoint.');

  let url: URL;
  try {
    url = new URL(scheme ? text : `https://${text}`);
  } catch {
    return invalid(`"${text}" is not a valid host, host:port or URL.`);
  }
  if (url.username || url.password) {
    return invalid('Remove the credentials from the endpoint and enter them as username and password instead.');
  }
  const bracketed = url.hostname;
  const host = bracketed.startsWith('[') ? bracketed.slice(1, -1) : bracketed;
  if (host === '') return invalid('The endpoint has no host name.');

  // WHATWG URL has already turned every IPv4 spelling (0x7f.1, 2130706433) into dotted decimal.
  const ipVersion = bracketed.startsWith('[') ? 6 : /^\d{1,3}(\.\d{1,3}){3}$/.test(host) ? 4 : 0;
  const dns = ipVersion === 0 ? dnsNameProblem(host) : undefined;
  if (dns) return invalid(dns);

  const effectiveScheme = url.protocol === 'http:' ? 'http' : 'https';
  const port = url.port ? Number(url.port) : effectiveScheme === 'https' ? 443 : 80;
  const pathPrefix = url.pathname.replace(/\/+$/, '').replace(/\/v2$/i, '').replace(/\/+$/, '');
  const hostForUrl = ipVersion === 6 ? `[${host}]` : host;
  const origin = `${effectiveScheme}://${hostForUrl}${url.port ? `:${url.port}` : ''}`;
  return {
    ok: true,
    endpoint: {
      scheme: effectiveScheme,
      host,
      port,
      ipVersion,
      pathPrefix,
      origin,
      hostPort: `${hostForUrl}:${port}`,
      apiBase: `${origin}${pathPrefix}/v2/`,
    },
  };
}

/** DNS size limits (RFC 1035 §2.3.4): 63 octets a label, 253 a name written without its final dot. */
export const DNS_MAX_LABEL = 63;
export const DNS_MAX_NAME = 253;

/**
 * Which DNS rule a host name breaks, or undefined. `host` is the URL parser's ASCII form (an
 * internationalised label already in its xn-- spelling, which is what DNS counts); nothing would
 * look it up otherwise, and the resolver's refusal of it says nothing an admin can act on.
 */
function dnsNameProblem(host: string): string | undefined {
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  const long = name.split('.').find((label) => label.length > DNS_MAX_LABEL);
  if (long !== undefined) {
    const shown = long.length > 24 ? `${long.slice(0, 20)}…` : long;
    return `The host name has a label (a part between dots) of ${long.length} characters, "${shown}"; DNS allows at most ${DNS_MAX_LABEL} per label (RFC 1035).`;
  }
  if (name.length > DNS_MAX_NAME) return `The host name is ${name.length} characters long; DNS allows at most ${DNS_MAX_NAME} (RFC 1035).`;
  if (name.split('.').includes(''))
    return 'The host name has an empty label (two dots in a row, or a dot first); DNS labels have 1 to 63 characters (RFC 1035).';
  return undefined;
}

function invalid(message: string): ParsedEndpoint {
  return { ok: false, error: appError('ENDPOINT_INVALID', { message, field: 'endpoint' }) };
}

/** The display form used in reports: the origin plus any path prefix. */
export function describeEndpoint(endpoint: RegistryEndpoint): string {
  return `${endpoint.origin}${endpoint.pathPrefix}`;
}
