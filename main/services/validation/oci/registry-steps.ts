import { appError, type AppError } from '../../../../shared/errors';
import type { ValidationRequest } from '../../../../shared/model/validation';
import { headerValue, headerValues, parseJson, type HttpResponse } from '../../net/http-client';
import { CATALOG_SCOPE, readCatalog, type CatalogResult } from './pack-discovery';
import { chooseScheme, createAuthorizer, type Authorizer, type Credentials } from './registry-auth';
import { StepProblem } from '../core/step-problem';
import { ok, pass, warn, type Passed, type StepOutcome } from '../core/step-runner';
import type { Located } from '../connection/connection-steps';
import { parseWwwAuthenticate, type Challenge } from './www-authenticate';

const API_VERSION_HEADER = 'docker-distribution-api-version';

/** The unauthenticated /v2/ answer: 200 (open) or 401 with these challenges. */
export interface ApiAnswer extends Located {
  apiOpen: boolean;
  challenges: Challenge[];
}
/** Signed in (or anonymous where the registry allows it): every later request asks `auth` for its header. */
export interface SignedIn extends ApiAnswer {
  auth: Authorizer;
  /** The catalog read that started alongside the token-authenticated /v2/ check, for the base-path step. */
  catalogAhead?: Promise<CatalogResult>;
}

/** The credentials a request gives the registry itself, if any. */
export function credentialsOf(request: ValidationRequest): Credentials | undefined {
  // Palette's ECR tab has no username or password: ECR registries authenticate through AWS only.
  if (request.ecr) return undefined;
  return request.username || request.password ? { username: request.username, password: request.password } : undefined;
}

export async function registryApiStep(at: Located): Promise<Passed<ApiAnswer>> {
  const { endpoint, network } = at;
  const url = new URL(endpoint.apiBase);
  const response = await network.http.get(url);
  const observed = [`GET ${url.pathname} → ${response.status}${versionNote(response)}`, ...response.redirects];
  const isRegistry = headerValue(response, API_VERSION_HEADER) !== undefined;
  if (response.status === 400 && /HTTP request to an HTTPS server/i.test(response.body.toString('utf8'))) {
    throw new StepProblem(
      appError('HTTP_TO_TLS_PORT', { remedy: `Use https://${endpoint.hostPort}${endpoint.pathPrefix} as the endpoint.` }),
      observed,
    );
  }
  if (response.status >= 500) {
    throw new StepProblem(
      appError('REGISTRY_ERROR', { message: `The registry answered HTTP ${response.status} at ${url.pathname}.` }),
      observed,
    );
  }
  if ((response.status === 200 || response.status === 401) && isRegistry) {
    const apiOpen = response.status === 200;
    const challenges = parseWwwAuthenticate(headerValues(response, 'www-authenticate'));
    if (!apiOpen && challenges.length === 0) {
      throw new StepProblem(
        appError('NOT_A_REGISTRY', {
          message: 'The registry demands authentication but names no way to authenticate (no WWW-Authenticate).',
        }),
        observed,
      );
    }
    return pass({ ...at, apiOpen, challenges }, ok(...observed, ...challenges.map(describeChallenge)));
  }
  throw new StepProblem(
    appError('NOT_A_REGISTRY', { message: `The server answered, but not as an OCI registry: ${describeAnswer(response)}.` }),
    observed,
  );
}

/** `credentials`: the request's own unless the registry kind learnt others (ECR: its token). */
export async function authStep(api: ApiAnswer, credentials = credentialsOf(api.run.request)): Promise<Passed<SignedIn>> {
  const { endpoint, network } = api;
  const cleartext = credentials && endpoint.scheme === 'http' ? appError('CREDENTIALS_UNENCRYPTED') : undefined;
  if (api.apiOpen) {
    const auth = createAuthorizer(network.http, credentials ? { kind: 'basic' } : { kind: 'anonymous' }, credentials, endpoint.origin);
    if (!credentials) return pass({ ...api, auth }, ok('anonymous access: /v2/ answered 200 without credentials'));
    return pass(
      { ...api, auth },
      warn(
        cleartext ?? appError('AUTH_UNVERIFIED'),
        `/v2/ is open to anyone; username ${credentials.username} will be sent with the pack requests`,
      ),
    );
  }
  const scheme = chooseScheme(api.challenges);
  if (scheme.kind === 'unsupported') {
    throw new StepProblem(
      appError('AUTH_UNSUPPORTED', { message: `The registry offers only ${scheme.schemes.join(', ')}; Palette needs Basic or Bearer.` }),
    );
  }
  if (scheme.kind === 'basic' && !credentials) {
    throw new StepProblem(
      appError('AUTH_REQUIRED', { message: `The registry at ${endpoint.hostPort} requires a username and password (Basic).` }),
    );
  }
  const auth = createAuthorizer(network.http, scheme, credentials, endpoint.origin);
  const ahead: { catalog?: Promise<CatalogResult> } = {};
  const outcome = await signInVerdict(api, auth, credentials, cleartext, ahead);
  return pass({ ...api, auth, ...(ahead.catalog ? { catalogAhead: ahead.catalog } : {}) }, outcome);
}

async function signInVerdict(
  { endpoint, network }: ApiAnswer,
  auth: Authorizer,
  credentials: Credentials | undefined,
  cleartext: AppError | undefined,
  ahead: { catalog?: Promise<CatalogResult> },
): Promise<StepOutcome> {
  const scheme = auth.scheme;
  const observed: string[] = [];
  if (scheme.kind === 'bearer') {
    observed.push(`token service ${scheme.realm.origin}${scheme.realm.pathname}${scheme.service ? `, service "${scheme.service}"` : ''}`);
  }
  const authorization = await auth.firstAuthorization([CATALOG_SCOPE]);
  const withoutCredentials = auth.tokenWithoutCredentials;
  if (scheme.kind === 'bearer') {
    // With a token the two requests are independent and the password is in neither (it went to
    // the token service once): the catalog the base-path step needs travels with the /v2/ check.
    // Not with Basic: a wrong password would then count as two failed logins.
    ahead.catalog = readCatalog(network.http, endpoint, auth);
    ahead.catalog.catch(() => undefined);
  }
  const response = await network.http.get(new URL(endpoint.apiBase), authorization ? { authorization } : {});
  observed.push(
    `GET /v2/ with ${scheme.kind === 'basic' ? 'Basic credentials' : credentials && !withoutCredentials ? 'a token for ' + credentials.username : 'an anonymous token'} → ${response.status}`,
  );
  if (response.status === 401 || response.status === 403) {
    if (scheme.kind === 'bearer') {
      throw new StepProblem(
        appError('TOKEN_SERVICE_FAILED', {
          message: `The registry refused the token issued by ${scheme.realm.host}.`,
          remedy: 'The registry and its token service disagree (issuer, service name or signing certificate): check their configuration.',
        }),
        [...observed, ...(withoutCredentials ?? [])],
      );
    }
    const what = credentials?.password ? 'the username and password' : `username ${credentials?.username ?? ''} without a password`;
    throw new StepProblem(appError('AUTH_REJECTED', { message: `The registry at ${endpoint.hostPort} rejected ${what}.` }), observed);
  }
  if (response.status !== 200) {
    throw new StepProblem(
      appError('REGISTRY_ERROR', { message: `The registry answered HTTP ${response.status} to the authenticated /v2/.` }),
      observed,
    );
  }
  const who = credentials ? `as ${credentials.username}` : 'anonymously';
  observed.push(...response.redirects);
  if (credentials && withoutCredentials) {
    // The token service handed the request to an origin that never saw the credentials: its token is anonymous.
    return warn(
      appError('AUTH_UNVERIFIED', {
        message: `The token service redirected to another origin, which was not sent the credentials, so the token it gave proves nothing about them.`,
        remedy: "Configure the registry's token realm as the token service's final address, then validate again.",
      }),
      ...withoutCredentials,
      ...observed,
      ...passwordDestinations(auth.credentialsSentTo, endpoint.origin),
    );
  }
  if (response.credentialsWithheld) {
    // The 200 came from another origin that never saw the credentials: it proves nothing about them.
    return warn(
      appError('AUTH_UNVERIFIED', {
        message: `The registry redirected the signed-in request to ${response.url.origin}, which was not sent the credentials, so they could not be checked.`,
      }),
      ...observed,
    );
  }
  const sentTo = !credentials ? [] : scheme.kind === 'basic' ? [endpoint.origin] : auth.credentialsSentTo;
  const lines = [`authenticated ${who}`, ...observed, ...passwordDestinations(sentTo, endpoint.origin)];
  return cleartext ? warn(cleartext, ...lines) : ok(...lines);
}

/** Exactly which origins were sent the password: the admin should know when it left the registry's. */
function passwordDestinations(origins: string[], registryOrigin: string): string[] {
  return origins.map((origin) =>
    origin === new URL(registryOrigin).origin
      ? `password sent to ${origin}, the registry's own origin`
      : `password sent to the token service at ${origin}, another origin than the registry's ${registryOrigin} (Palette must reach it too)`,
  );
}

function versionNote(response: HttpResponse): string {
  const version = headerValue(response, API_VERSION_HEADER);
  return version ? ` (${version})` : '';
}

function describeChallenge(challenge: Challenge): string {
  const params = Object.entries(challenge.params)
    .map(([k, v]) => `${k}="${v}"`)
    .join(', ');
  return `challenge: ${challenge.scheme}${params ? ` ${params}` : ''}`;
}

/** Status, type, server and page title: enough for the admin to recognise what answered. */
function describeAnswer(response: HttpResponse): string {
  const type = headerValue(response, 'content-type')?.split(';')[0];
  const server = headerValue(response, 'server');
  const text = response.body.toString('utf8', 0, Math.min(response.body.length, 64 * 1024));
  const title = /<title[^>]*>([^<]{1,120})<\/title>/i.exec(text)?.[1]?.trim();
  const json = type?.includes('json') ? parseJson(response.body) : undefined;
  return [
    `HTTP ${response.status}`,
    type ? type : 'no content type',
    server ? `server "${server}"` : undefined,
    title ? `page "${title}"` : json === undefined && type?.includes('json') ? 'invalid JSON' : undefined,
    'no Docker-Distribution-API-Version header',
  ]
    .filter(Boolean)
    .join(', ');
}
