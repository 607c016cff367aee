import { BlockList, isIP } from 'node:net';

/**
 * The one rule for where a password, or anything standing for it (Basic credentials, an ECR
 * authorization token), may be sent. Every request that carries one asks here first, so the rule
 * lives in one place (docs/credential-routing.md). Origins are compared whole (scheme, host and
 * port, RFC 6454), never host names alone: http://registry and https://registry:8443 are other
 * places than https://registry.
 */
export type CredentialDestination =
  /** A request to the registry itself: a catalog page, a redirect of a signed-in request. */
  | 'registry'
  /** The token service the registry named in its Bearer challenge (its realm). */
  | 'token-service';

export type CredentialRoute =
  | { send: true; origin: string; sameOrigin: boolean }
  | {
      send: false;
      origin: string;
      /**
       * other-origin: a registry request leading away from the registry's origin.
       * plain-http: a token service over plain HTTP for an HTTPS registry.
       * link-local: a link-local or cloud-metadata address that is not the registry's own host.
       */
      reason: 'other-origin' | 'plain-http' | 'link-local';
    };

/**
 * Link-local addresses, where every cloud's instance metadata service answers (169.254.169.254,
 * AWS's IPv6 fd00:ec2::254): a registry has no business sending a client's password there.
 * Node's BlockList also matches IPv4-mapped IPv6 forms (::ffff:169.254.169.254) against the IPv4
 * rules; the NAT64 and IPv4-compatible forms are listed by hand.
 */
const LINK_LOCAL = new BlockList();
LINK_LOCAL.addSubnet('169.254.0.0', 16, 'ipv4');
LINK_LOCAL.addSubnet('fe80::', 10, 'ipv6');
LINK_LOCAL.addAddress('fd00:ec2::254', 'ipv6');
LINK_LOCAL.addSubnet('64:ff9b::a9fe:0', 112, 'ipv6');
LINK_LOCAL.addSubnet('::a9fe:0', 112, 'ipv6');

/** Whether a URL host (as `URL.hostname` gives it, IPv6 in brackets) is a link-local or metadata address. */
export function isLinkLocalOrMetadata(hostname: string): boolean {
  const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  const version = isIP(host);
  if (version === 0) return false;
  return LINK_LOCAL.check(host, version === 4 ? 'ipv4' : 'ipv6');
}

/**
 * May credentials for the registry at `registryOrigin` be sent to `target`?
 * - The registry's own origin: always (the admin typed it; plain HTTP is warned about elsewhere).
 * - Any other origin, for a registry request: never (redirects, catalog pages).
 * - A token service on another origin: only over transport as strong as the registry's (no http
 *   realm for an https registry), and never to a link-local or metadata address unless that is
 *   the registry's own host. Harbor, GitLab and Quay put their token service on another origin.
 */
export function credentialRoute(target: URL, registryOrigin: string, destination: CredentialDestination): CredentialRoute {
  const registry = new URL(registryOrigin);
  const origin = target.origin;
  if (origin === registry.origin) return { send: true, origin, sameOrigin: true };
  if (destination === 'registry') return { send: false, origin, reason: 'other-origin' };
  if (registry.protocol === 'https:' && target.protocol !== 'https:') return { send: false, origin, reason: 'plain-http' };
  if (isLinkLocalOrMetadata(target.hostname) && target.hostname !== registry.hostname) {
    return { send: false, origin, reason: 'link-local' };
  }
  return { send: true, origin, sameOrigin: false };
}
