import { appError } from '../../../../shared/errors';
import { StepProblem } from '../core/step-problem';
import type { Challenge } from './www-authenticate';
import { credentialRoute, type CredentialRoute } from '../../net/credential-routing';
import { parseJson, type HttpClient } from '../../net/http-client';

export interface Credentials {
  username: string;
  password: string;
}

/** Scopes asked in one token request at most, so the URL stays well under servers' request-line limits. */
const SCOPES_PER_TOKEN_REQUEST = 20;

type BearerScheme = { kind: 'bearer'; realm: URL; service: string | undefined };
export type AuthScheme = { kind: 'anonymous' } | { kind: 'basic' } | BearerScheme;

/**
 * Picks how to authenticate from the registry's challenges: Bearer first (it is what Docker
 * clients do when both are offered), then Basic.
 */
export function chooseScheme(challenges: Challenge[]): AuthScheme | { kind: 'unsupported'; schemes: string[] } {
  const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params['realm']);
  if (bearer) {
    let realm: URL | undefined;
    try {
      realm = new URL(bearer.params['realm']!);
    } catch {
      realm = undefined;
    }
    if (realm?.protocol !== 'https:' && realm?.protocol !== 'http:')
      return { kind: 'unsupported', schemes: ['bearer (with an unusable realm)'] };
    return { kind: 'bearer', realm, service: bearer.params['service'] };
  }
  if (challenges.some((c) => c.scheme === 'basic')) return { kind: 'basic' };
  return { kind: 'unsupported', schemes: challenges.map((c) => c.scheme) };
}

/** The failure for a token realm the credentials may not go to; nothing has been sent when it is thrown. */
function realmRefusal(route: Extract<CredentialRoute, { send: false }>, realm: URL): StepProblem {
  const where = `${realm.origin}${realm.pathname}`;
  const problem =
    route.reason === 'link-local'
      ? appError('AUTH_REALM_LINK_LOCAL', {
          message: `The registry names its token service at ${where}, a link-local or cloud-metadata address: the password was not sent there.`,
        })
      : appError('AUTH_REALM_INSECURE', {
          message: `The registry's token service ${where} uses plain HTTP while the registry uses HTTPS: the password was not sent there.`,
        });
  return new StepProblem(problem, [`password not sent to ${route.origin}`]);
}

/**
 * Produces the Authorization header for a set of scopes (docs/reference/oci-registry.md#token-exchange), exchanging
 * credentials at the token realm for Bearer registries and caching one token per scope set.
 * `registryOrigin` is what the credentials were given for: the realm is checked against it
 * (credential-routing.ts) before the password is sent anywhere.
 */
export function createAuthorizer(http: HttpClient, scheme: AuthScheme, credentials: Credentials | undefined, registryOrigin: string) {
  const tokens = new Map<string, string>();
  const basic = credentials ? `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}` : undefined;
  /** Origins that were sent the password, for the report. */
  const sentTo = new Set<string>();
  /**
   * Set when the token service redirected to another origin, which was not sent the credentials:
   * the token it gave is an anonymous one and proves nothing about them.
   */
  let withheld: string[] | undefined;

  async function fetchToken(realm: URL, service: string | undefined, scopes: string[]): Promise<string> {
    const url = new URL(realm);
    if (service) url.searchParams.set('service', service);
    for (const scope of scopes) url.searchParams.append('scope', scope);
    if (credentials) {
      const route = credentialRoute(url, registryOrigin, 'token-service');
      if (!route.send) throw realmRefusal(route, url);
      url.searchParams.set('account', credentials.username);
    }
    const response = await http.get(url, basic ? { authorization: basic } : {});
    if (basic) sentTo.add(url.origin);
    const where = `${url.origin}${url.pathname}`;
    const answered = [`GET ${where} → ${response.status}`, ...response.redirects];
    if (response.credentialsWithheld) {
      withheld = answered;
      if (response.status !== 200) {
        throw new StepProblem(
          appError('TOKEN_SERVICE_FAILED', {
            message: `The token service at ${url.host} redirected to ${response.url.origin}, another origin, which was not sent the credentials; it answered HTTP ${response.status}.`,
            remedy: "Configure the registry's token realm as the token service's final address, so that no redirect leads elsewhere.",
          }),
          answered,
          response.status,
        );
      }
    }
    if (response.status === 401 || response.status === 403) {
      throw new StepProblem(
        credentials
          ? appError('AUTH_REJECTED', { message: `The token service at ${url.host} rejected the username and password.` })
          : appError('AUTH_REQUIRED', { message: `The token service at ${url.host} gives no anonymous access.` }),
        answered,
        response.status,
      );
    }
    const body = parseJson(response.body) as { token?: unknown; access_token?: unknown } | undefined;
    // Docker prefers access_token when both are present (token.md).
    const token = typeof body?.access_token === 'string' ? body.access_token : typeof body?.token === 'string' ? body.token : undefined;
    if (response.status !== 200 || !token) {
      throw new StepProblem(
        appError('TOKEN_SERVICE_FAILED', { message: `The token service at ${url.host} answered HTTP ${response.status} without a token.` }),
        answered,
        response.status,
      );
    }
    return token;
  }

  // A refused token request is remembered, so a later step asking for the same scopes gets the same
  // answer without asking the token service again.
  const refused = new Map<string, StepProblem>();
  async function tokenFor(bearer: BearerScheme, scopes: string[]): Promise<string> {
    const key = [...scopes].sort().join(' ');
    const known = refused.get(key);
    if (known) throw known;
    let token = tokens.get(key);
    if (!token) {
      try {
        token = await fetchToken(bearer.realm, bearer.service, scopes);
      } catch (error) {
        if (error instanceof StepProblem) refused.set(key, error);
        throw error;
      }
      tokens.set(key, token);
    }
    return token;
  }

  return {
    scheme,
    /** Every origin the password was sent to so far. */
    get credentialsSentTo(): string[] {
      return [...sentTo];
    },
    /** What the token service answered when it redirected the credentials away, or undefined. */
    get tokenWithoutCredentials(): string[] | undefined {
      return withheld;
    },
    /** The header value for these scopes, or undefined for anonymous requests. */
    async authorization(scopes: string[]): Promise<string | undefined> {
      if (scheme.kind === 'basic') return basic;
      if (scheme.kind !== 'bearer') return undefined;
      return `Bearer ${await tokenFor(scheme, scopes)}`;
    },
    /**
     * One token exchange for scopes the next requests each need on their own (the packs' pull
     * scopes), kept for each of them: the packs step costs one round trip to the token service
     * instead of one per repository. Returns how many token requests it made (for the report).
     * A refusal leaves each scope to be asked alone, except a 401, the spec's wrong-password
     * answer, which every one of them gets at once rather than each as one more failed login.
     */
    async prepare(scopes: string[]): Promise<number> {
      const needed = scopes.filter((scope) => !tokens.has(scope) && !refused.has(scope));
      if (scheme.kind !== 'bearer' || needed.length < 2) return 0;
      const groups: string[][] = [];
      for (let i = 0; i < needed.length; i += SCOPES_PER_TOKEN_REQUEST) groups.push(needed.slice(i, i + SCOPES_PER_TOKEN_REQUEST));
      await Promise.all(
        groups.map(async (group) => {
          try {
            const token = await tokenFor(scheme, group);
            for (const scope of group) tokens.set(scope, token);
          } catch (error) {
            if (!(error instanceof StepProblem)) throw error;
            if (error.httpStatus === 401) for (const scope of group) refused.set(scope, error);
          }
        }),
      );
      return groups.length;
    },
    /**
     * The first token of a run, asked for with the scopes the next step will need (the catalog),
     * so one token exchange serves both /v2/ and _catalog: four requests to a token verdict
     * instead of five. A token service that refuses the scoped request outright (rather than
     * granting a subset, as distribution's token spec says) gets a second, scope-less request, so
     * a catalog it will not grant is never mistaken for rejected credentials. Not after a 401:
     * that is the spec's answer to a wrong password, and asking twice would count two failed
     * logins against an account with a lockout policy.
     */
    async firstAuthorization(scopesAhead: string[]): Promise<string | undefined> {
      if (scheme.kind !== 'bearer') return this.authorization([]);
      try {
        return await this.authorization(scopesAhead);
      } catch (error) {
        if (!(error instanceof StepProblem) || error.httpStatus === 401) throw error;
        return this.authorization([]);
      }
    },
  };
}
export type Authorizer = ReturnType<typeof createAuthorizer>;
