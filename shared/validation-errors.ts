/**
 * Codes for validation failures, one per cause an admin can act on. Each sentence says what was
 * seen; each remedy says what to do. Kept apart from shared/errors.ts only for length: they are
 * part of the same catalog and the same stability promise.
 */
export const validationErrors = {
  ENDPOINT_INVALID: {
    message: 'The endpoint is not a registry address this app can use.',
    remedy: 'Enter host, host:port or https://host[:port][/path], without credentials, query or spaces.',
  },
  DNS_NOT_FOUND: {
    message: 'The registry host name does not resolve.',
    remedy: 'Check the spelling, or the DNS servers and /etc/hosts of this workstation.',
  },
  DNS_FAILED: {
    message: 'The registry host name could not be looked up right now.',
    remedy: 'Check that this workstation can reach its DNS servers, then try again.',
  },
  TCP_REFUSED: {
    message: 'Nothing is listening on that host and port.',
    remedy: 'Check the port in the endpoint and that the registry is running.',
  },
  TCP_RESET: {
    message: 'The connection was reset before the registry answered.',
    remedy: 'A firewall or proxy between here and the registry may be dropping the connection.',
  },
  TCP_TIMEOUT: {
    message: 'The registry did not accept a connection before the connect deadline.',
    remedy: 'Check firewalls and routes to the registry, or whether a proxy is needed.',
  },
  NETWORK_UNREACHABLE: {
    message: 'This workstation has no route to the registry address.',
    remedy: 'Check the network connection, VPN and routes; a proxy may be needed.',
  },
  TLS_UNKNOWN_CA: {
    message: "The registry's certificate was issued by a certificate authority this workstation does not trust.",
    remedy: "Upload the registry's CA certificate, or, only for a test registry, enable Insecure Skip TLS Verify.",
  },
  TLS_SELF_SIGNED: {
    message: "The registry's certificate is self-signed.",
    remedy: 'Upload that certificate as the CA certificate, or give the registry a certificate issued by your CA.',
  },
  TLS_INCOMPLETE_CHAIN: {
    message: 'The registry sent its certificate without the intermediate CA that issued it.',
    remedy: 'Configure the registry to send its full chain, or upload the intermediate and root CA certificates.',
  },
  TLS_EXPIRED: {
    message: "The registry's certificate has expired.",
    remedy: "Renew the registry's certificate, and check this workstation's clock.",
  },
  TLS_NOT_YET_VALID: {
    message: "The registry's certificate is not valid yet.",
    remedy: "Check this workstation's clock, or wait until the certificate's start date.",
  },
  TLS_HOSTNAME_MISMATCH: {
    message: "The registry's certificate is for other names than the endpoint's host.",
    remedy: 'Use one of the names the certificate holds in the endpoint, or reissue the certificate with this name.',
  },
  TLS_PLAIN_HTTP: {
    message: 'The server at this address speaks plain HTTP, not HTTPS.',
    remedy: 'Use http:// in the endpoint if the registry really serves plain HTTP, or use its TLS port.',
  },
  TLS_FAILED: {
    message: 'The TLS handshake with the registry failed.',
    remedy: 'Check the registry’s TLS settings (protocol versions, ciphers) and any TLS-intercepting proxy.',
  },
  TLS_EXPIRING_SOON: {
    message: "The registry's certificate expires within 30 days.",
    remedy: 'Renew it before it expires, or Palette will stop syncing packs from this registry.',
  },
  HTTP_TO_TLS_PORT: {
    message: 'The server at this address expects HTTPS, but the endpoint says http://.',
    remedy: 'Use https:// in the endpoint.',
  },
  NO_RESPONSE: {
    message: 'The registry accepted the connection but sent no answer before the deadline.',
    remedy: 'The registry or a proxy in between is stuck or overloaded; check its logs.',
  },
  NOT_A_REGISTRY: {
    message: 'The server answered, but not as an OCI registry.',
    remedy: 'Check the endpoint: it must be the registry API address (for JFrog, including /artifactory/api/docker/<repo>).',
  },
  REGISTRY_ERROR: {
    message: 'The registry answered with a server error.',
    remedy: "Check the registry's logs and health; then validate again.",
  },
  RESPONSE_TOO_LARGE: {
    message: 'The registry sent a much larger answer than this request allows.',
    remedy: 'The endpoint may point at something other than a registry API.',
  },
  REDIRECT_REFUSED: {
    message: 'The registry redirected the request too often or to an unusable address.',
    remedy: 'Use the address the registry finally serves from as the endpoint.',
  },
  AUTH_REQUIRED: {
    message: 'The registry requires credentials, and none were given.',
    remedy: 'Enter the username and password (or robot account token) Palette should use.',
  },
  AUTH_REJECTED: {
    message: 'The registry rejected the username and password.',
    remedy: 'Check the credentials; for Harbor robot accounts include the robot$ prefix.',
  },
  AUTH_UNSUPPORTED: {
    message: 'The registry asks for an authentication scheme Palette cannot use.',
    remedy: 'Palette supports Basic and Bearer token authentication; configure the registry to offer one of them.',
  },
  AUTH_UNVERIFIED: {
    message: 'The registry lets anyone in at /v2/, so the credentials could not be checked there.',
    remedy: 'They were sent with the pack requests below; a refusal there would show as a failure.',
  },
  // Not raised: the auth step names the token service's origin in what it observed instead. Kept,
  // as codes are stable and never reused for another meaning.
  AUTH_REALM_OTHER_HOST: {
    message: "The registry's token service is on another host.",
    remedy: 'Palette must reach that host too: check its network path and firewall from the Palette side.',
  },
  AUTH_REALM_INSECURE: {
    message: "The registry's token service uses plain HTTP while the registry uses HTTPS, so the password was not sent to it.",
    remedy:
      "Configure the registry's token realm as an https:// address (distribution: auth.token.realm; Harbor, GitLab: the external URL).",
  },
  AUTH_REALM_LINK_LOCAL: {
    message: 'The registry names a token service at a link-local or cloud-metadata address, so the password was not sent to it.',
    remedy:
      "Check the registry's token realm setting, and whether something between this workstation and the registry rewrites its answers.",
  },
  CREDENTIALS_UNENCRYPTED: {
    message: 'The credentials travel over plain HTTP, unencrypted.',
    remedy: 'Serve the registry (and its token service) over HTTPS.',
  },
  TOKEN_SERVICE_FAILED: {
    message: "The registry's token service did not issue a token.",
    remedy: "Check that the token service named in the registry's challenge is reachable and healthy.",
  },
  BASE_PATH_DENIED: {
    message: 'These credentials may not read the base content path.',
    remedy: 'Grant the account pull rights on the repositories under the base content path.',
  },
  BASE_PATH_EMPTY: {
    message: 'No packs were found under the base content path.',
    remedy: 'Check the base content path, and push packs to <base>/spectro-packs/archive/<pack>:<version>.',
  },
  BASE_PATH_UNVERIFIED: {
    message: 'The registry does not let these credentials list repositories, so the packs could not be counted.',
    remedy: 'Palette may still work; grant catalog access or check the path in the registry UI to be sure.',
  },
  PROXY_FAILED: {
    message: 'The proxy refused or failed to connect to the registry.',
    remedy: 'Check the proxy address, its credentials and whether it allows this host and port.',
  },
  DEADLINE_EXCEEDED: {
    message: 'Validation did not finish before its deadline.',
    remedy: 'Try again with a longer timeout, or check which step was slow.',
  },
  CANCELLED: {
    message: 'Validation was cancelled.',
    remedy: 'Validate again when ready.',
  },
} as const satisfies Record<string, { message: string; remedy: string }>;
