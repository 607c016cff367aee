// Where the token exchange may send the password (docs/credential-routing.md), against a fake HTTP
// client that records every request: a realm the rule refuses gets nothing, the report names every
// origin that did get the password, and a token won after a redirect that withheld the credentials
// is kept apart from one the credentials earned.
import { describe, expect, it } from 'vitest';
import { chooseScheme, createAuthorizer } from '../../../../../../main/services/validation/oci/registry-auth';
import { parseWwwAuthenticate } from '../../../../../../main/services/validation/oci/www-authenticate';
import { canarySecret } from '../../../../../fixtures/canary';
import { fakeHttp, stepProblemOf } from './token-service-double';

const REGISTRY = 'https://registry.example';
const password = canarySecret('realm-routing');
const credentials = { username: 'robot', password };
const bearerAt = (realm: string) => ({ kind: 'bearer' as const, realm: new URL(realm), service: 'registry.example' });

describe('the token realm, before the password is sent', () => {
  it('reads an http or https realm as Bearer, and any other scheme as unusable', () => {
    for (const realm of ['http://auth.example/token', 'https://auth.example/token']) {
      expect(chooseScheme(parseWwwAuthenticate(`Bearer realm="${realm}"`))).toEqual({
        kind: 'bearer',
        realm: new URL(realm),
        service: undefined,
      });
    }
    for (const realm of ['ftp://auth.example/token', 'file:///etc/passwd']) {
      expect(chooseScheme(parseWwwAuthenticate(`Bearer realm="${realm}"`)).kind).toBe('unsupported');
    }
  });

  it('refuses a plain-http realm of an https registry, naming it, with nothing sent', async () => {
    const { http, sent } = fakeHttp({ status: 200, body: { token: 't' } });
    const auth = createAuthorizer(http, bearerAt('http://auth.example/token'), credentials, REGISTRY);
    const problem = await stepProblemOf(auth.authorization(['repository:a:pull']));
    expect(problem.problem.code).toBe('AUTH_REALM_INSECURE');
    expect(problem.problem.message).toContain('http://auth.example/token');
    expect(problem.observed).toEqual(['password not sent to http://auth.example']);
    expect(sent).toEqual([]);
    expect(auth.credentialsSentTo).toEqual([]);
  });

  it('refuses a link-local or metadata realm that is not the registry’s own host, with nothing sent', async () => {
    const { http, sent } = fakeHttp({ status: 200, body: { token: 't' } });
    const auth = createAuthorizer(http, bearerAt('https://169.254.169.254/latest'), credentials, REGISTRY);
    const problem = await stepProblemOf(auth.authorization([]));
    expect(problem.problem.code).toBe('AUTH_REALM_LINK_LOCAL');
    expect(problem.problem.message).toContain('https://169.254.169.254/latest');
    expect(problem.observed).toEqual(['password not sent to https://169.254.169.254']);
    expect(sent).toEqual([]);
  });

  it('asks a refused realm anonymously when there are no credentials to protect', async () => {
    const { http, sent } = fakeHttp({ status: 200, body: { token: 'anon' } });
    const auth = createAuthorizer(http, bearerAt('http://auth.example/token'), undefined, REGISTRY);
    expect(await auth.authorization([])).toBe('Bearer anon');
    expect(sent[0]!.headers).toEqual({});
    expect(auth.credentialsSentTo).toEqual([]);
  });

  it('sends the password to a realm on another https origin, and reports that origin', async () => {
    const { http, sent } = fakeHttp({ status: 200, body: { token: 't' } });
    const auth = createAuthorizer(http, bearerAt('https://auth.example:8443/token'), credentials, REGISTRY);
    expect(await auth.authorization([])).toBe('Bearer t');
    expect(sent[0]!.headers['authorization']).toMatch(/^Basic /);
    expect(auth.credentialsSentTo).toEqual(['https://auth.example:8443']);
    expect(auth.tokenWithoutCredentials).toBeUndefined();
  });
});

describe('a token service that redirects to another origin', () => {
  it('gives a token that proves nothing: kept apart, with the redirect in what was seen', async () => {
    const { http } = fakeHttp({ status: 200, body: { token: 'anon' }, redirectedTo: 'https://elsewhere.example' });
    const auth = createAuthorizer(http, bearerAt('https://auth.example/token'), credentials, REGISTRY);
    expect(await auth.authorization([])).toBe('Bearer anon');
    expect(auth.tokenWithoutCredentials).toEqual([
      'GET https://auth.example/token → 200',
      'redirected to https://elsewhere.example, credentials withheld',
    ]);
  });

  it('refusing there is a token-service failure that names the redirect, not a wrong password', async () => {
    const { http } = fakeHttp({ status: 401, redirectedTo: 'https://elsewhere.example' });
    const auth = createAuthorizer(http, bearerAt('https://auth.example/token'), credentials, REGISTRY);
    const problem = await stepProblemOf(auth.authorization([]));
    expect(problem.problem.code).toBe('TOKEN_SERVICE_FAILED');
    expect(problem.problem.message).toContain('https://elsewhere.example');
    expect(problem.httpStatus).toBe(401);
    expect(problem.problem.remedy).toMatch(/token realm as the token service's final address/);
    expect(JSON.stringify(problem)).not.toContain(password);
  });
});
