// Scheme choice and token exchange, against a fake HTTP client that records every request: which
// scheme gets the password, where a token may come from, and how a refusal is told from a failure.
// The real exchange against a real registry and token server is in test/integration/oci/.
import { describe, expect, it } from 'vitest';
import { appError } from '../../../../../../shared/errors';
import { chooseScheme, createAuthorizer, type AuthScheme } from '../../../../../../main/services/validation/oci/registry-auth';
import { StepProblem } from '../../../../../../main/services/validation/core/step-problem';
import type { HttpClient, HttpResponse } from '../../../../../../main/services/net/http-client';
import { parseWwwAuthenticate } from '../../../../../../main/services/validation/oci/www-authenticate';
import { canarySecret } from '../../../../../fixtures/canary';
import { fakeHttp, stepProblemOf } from './token-service-double';

/** The registry the credentials were entered for: another origin than the token service's. */
const REGISTRY_ORIGIN = 'https://registry.example';

const realm = new URL('https://auth.example/token');
const bearer: AuthScheme = { kind: 'bearer', realm, service: 'registry.example' };
const credentials = () => ({ username: 'robot$packs', password: canarySecret('registry-auth') });
const basicHeader = (c: { username: string; password: string }) => `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;

describe('chooseScheme', () => {
  it.each([
    ['Bearer first when both are offered', 'Basic realm="r", Bearer realm="https://auth.example/token",service="reg"', 'bearer'],
    ['Bearer offered after Basic on another line', ['Basic realm="r"', 'Bearer realm="https://auth.example/token"'], 'bearer'],
    ['Basic alone', 'Basic realm="r"', 'basic'],
    ['Basic after a scheme the app does not speak', 'Negotiate, Basic realm="r"', 'basic'],
    ['Bearer without a realm, beside Basic: Basic', 'Bearer service="reg", Basic realm="r"', 'basic'],
    ['Bearer with an empty realm, beside Basic: Basic', 'Bearer realm="", Basic realm="r"', 'basic'],
  ] as const)('%s', (_what, header, kind) => {
    expect(chooseScheme(parseWwwAuthenticate(header)).kind).toBe(kind);
  });

  it('reads the realm and the service of a Bearer challenge', () => {
    expect(chooseScheme(parseWwwAuthenticate('Bearer realm="https://auth.example/token",service="reg"'))).toEqual({
      kind: 'bearer',
      realm: new URL('https://auth.example/token'),
      service: 'reg',
    });
    expect(chooseScheme(parseWwwAuthenticate('Bearer realm="https://auth.example/token"'))).toEqual({
      kind: 'bearer',
      realm: new URL('https://auth.example/token'),
      service: undefined,
    });
  });

  it('never picks Basic, so never sends the password, when only other schemes are offered', () => {
    expect(chooseScheme(parseWwwAuthenticate('Negotiate, NTLM'))).toEqual({ kind: 'unsupported', schemes: ['negotiate', 'ntlm'] });
    expect(chooseScheme(parseWwwAuthenticate('Digest realm="r", Bearer service="no-realm"'))).toEqual({
      kind: 'unsupported',
      schemes: ['digest', 'bearer'],
    });
    expect(chooseScheme([])).toEqual({ kind: 'unsupported', schemes: [] });
  });

  it('refuses a Bearer realm that is not a URL rather than guessing', () => {
    expect(chooseScheme(parseWwwAuthenticate('Bearer realm="not a url", Basic realm="r"'))).toEqual({
      kind: 'unsupported',
      schemes: ['bearer (with an unusable realm)'],
    });
  });
});

describe('createAuthorizer: what each scheme sends', () => {
  it('Basic: the username and password, for any scopes, with no request of its own', async () => {
    const { http, sent } = fakeHttp();
    const c = credentials();
    const auth = createAuthorizer(http, { kind: 'basic' }, c, REGISTRY_ORIGIN);
    expect(await auth.authorization(['repository:a:pull'])).toBe(basicHeader(c));
    expect(await auth.firstAuthorization(['registry:catalog:*'])).toBe(basicHeader(c));
    expect(sent).toEqual([]);
  });

  it('anonymous: nothing, even when credentials were entered', async () => {
    const { http, sent } = fakeHttp();
    const auth = createAuthorizer(http, { kind: 'anonymous' }, credentials(), REGISTRY_ORIGIN);
    expect(await auth.authorization(['repository:a:pull'])).toBeUndefined();
    expect(await auth.firstAuthorization(['registry:catalog:*'])).toBeUndefined();
    expect(sent).toEqual([]);
  });

  it('Bearer: the password goes to the token service only, and the registry gets the token', async () => {
    const { http, sent } = fakeHttp({ status: 200, body: { token: 'tok-1' } });
    const c = credentials();
    const auth = createAuthorizer(http, bearer, c, REGISTRY_ORIGIN);
    expect(await auth.authorization(['repository:a:pull', 'repository:b:pull'])).toBe('Bearer tok-1');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers).toEqual({ authorization: basicHeader(c) });
    const url = sent[0]!.url;
    expect(`${url.origin}${url.pathname}`).toBe('https://auth.example/token');
    expect(url.searchParams.get('service')).toBe('registry.example');
    expect(url.searchParams.getAll('scope')).toEqual(['repository:a:pull', 'repository:b:pull']);
    expect(url.searchParams.get('account')).toBe('robot$packs');
  });

  it('Bearer without credentials: an anonymous token request, with no account and no Authorization', async () => {
    const { http, sent } = fakeHttp({ status: 200, body: { access_token: 'anon' } });
    const auth = createAuthorizer(http, { kind: 'bearer', realm, service: undefined }, undefined, REGISTRY_ORIGIN);
    expect(await auth.authorization([])).toBe('Bearer anon');
    expect(sent[0]!.headers).toEqual({});
    expect([...sent[0]!.url.searchParams.keys()]).toEqual([]);
  });

  it('keeps the realm’s own query parameters', async () => {
    const { http, sent } = fakeHttp({ status: 200, body: { token: 't' } });
    await createAuthorizer(
      http,
      { kind: 'bearer', realm: new URL('https://auth.example/token?tenant=7'), service: 's' },
      undefined,
      REGISTRY_ORIGIN,
    ).authorization(['repository:a:pull']);
    expect(sent[0]!.url.href).toBe('https://auth.example/token?tenant=7&service=s&scope=repository%3Aa%3Apull');
  });

  it('asks once per set of scopes, whatever their order, and again for another set', async () => {
    const { http, sent } = fakeHttp({ status: 200, body: { token: 'ab' } }, { status: 200, body: { token: 'c' } });
    const auth = createAuthorizer(http, bearer, credentials(), REGISTRY_ORIGIN);
    expect(await auth.authorization(['repository:a:pull', 'repository:b:pull'])).toBe('Bearer ab');
    expect(await auth.authorization(['repository:b:pull', 'repository:a:pull'])).toBe('Bearer ab');
    expect(await auth.authorization(['repository:c:pull'])).toBe('Bearer c');
    expect(sent).toHaveLength(2);
  });

  it('keeps scope sets apart that would run together without a separator', async () => {
    const { http, sent } = fakeHttp({ status: 200, body: { token: 'two' } }, { status: 200, body: { token: 'one' } });
    const auth = createAuthorizer(http, bearer, credentials(), REGISTRY_ORIGIN);
    expect(await auth.authorization(['repository:a:pull', 'repository:b:pull'])).toBe('Bearer two');
    expect(await auth.authorization(['repository:a:pullrepository:b:pull'])).toBe('Bearer one');
    expect(sent).toHaveLength(2);
  });
});

describe('StepProblem', () => {
  it('carries the problem, its message, and no report lines or status unless given', () => {
    const problem = new StepProblem(appError('AUTH_REQUIRED', { message: 'Sign in.' }));
    expect(problem).toBeInstanceOf(Error);
    expect(problem.message).toBe('Sign in.');
    expect(problem.problem).toMatchObject({ code: 'AUTH_REQUIRED', message: 'Sign in.' });
    expect(problem.observed).toEqual([]);
    expect(problem.httpStatus).toBeUndefined();
  });
});

describe('createAuthorizer: where a token may come from', () => {
  it('prefers access_token over token, and takes token alone', async () => {
    const both = fakeHttp({ status: 200, body: { token: 'old', access_token: 'new' } });
    expect(await createAuthorizer(both.http, bearer, undefined, REGISTRY_ORIGIN).authorization([])).toBe('Bearer new');
    const tokenOnly = fakeHttp({ status: 200, body: { token: 'only', access_token: 42 } });
    expect(await createAuthorizer(tokenOnly.http, bearer, undefined, REGISTRY_ORIGIN).authorization([])).toBe('Bearer only');
  });

  it.each([
    ['a 201 with a token', { status: 201, body: { token: 't' } }, 201],
    ['a 302 with a token', { status: 302, body: { token: 't' } }, 302],
    ['a 500 with a token', { status: 500, body: { token: 't' } }, 500],
    ['a 200 without a token', { status: 200, body: { error: 'nope' } }, 200],
    ['a 200 with an empty token', { status: 200, body: { token: '' } }, 200],
    ['a 200 with a number as token', { status: 200, body: { token: 7 } }, 200],
    ['a 200 that is not JSON', { status: 200, body: '<html>token</html>' }, 200],
    ['a 200 with JSON null', { status: 200, body: 'null' }, 200],
  ])('takes no token from %s: the token service failed', async (_what, reply, status) => {
    const { http } = fakeHttp(reply);
    const problem = await stepProblemOf(createAuthorizer(http, bearer, credentials(), REGISTRY_ORIGIN).authorization([]));
    expect(problem.problem.code).toBe('TOKEN_SERVICE_FAILED');
    expect(problem.problem.message).toBe(`The token service at auth.example answered HTTP ${status} without a token.`);
    expect(problem.observed).toEqual([`GET https://auth.example/token → ${status}`]);
    expect(problem.httpStatus).toBe(status);
  });

  it.each([401, 403])('reads a %i as the credentials rejected, not as a failed service', async (status) => {
    const { http } = fakeHttp({ status, body: { token: 'ignored' } });
    const problem = await stepProblemOf(createAuthorizer(http, bearer, credentials(), REGISTRY_ORIGIN).authorization([]));
    expect(problem.problem.code).toBe('AUTH_REJECTED');
    expect(problem.problem.message).toBe('The token service at auth.example rejected the username and password.');
    expect(problem.observed).toEqual([`GET https://auth.example/token → ${status}`]);
    expect(problem.httpStatus).toBe(status);
  });

  it.each([401, 403])('reads a %i to an anonymous request as access that needs credentials', async (status) => {
    const { http } = fakeHttp({ status });
    const problem = await stepProblemOf(createAuthorizer(http, bearer, undefined, REGISTRY_ORIGIN).authorization([]));
    expect(problem.problem.code).toBe('AUTH_REQUIRED');
    expect(problem.problem.message).toBe('The token service at auth.example gives no anonymous access.');
  });

  it('remembers a refusal: the same scopes are not asked for again', async () => {
    const { http, sent } = fakeHttp({ status: 401 });
    const auth = createAuthorizer(http, bearer, credentials(), REGISTRY_ORIGIN);
    const first = await stepProblemOf(auth.authorization(['repository:a:pull']));
    const second = await stepProblemOf(auth.authorization(['repository:a:pull']));
    expect(second).toBe(first);
    expect(sent).toHaveLength(1);
  });

  it('does not remember an error that is not a refusal', async () => {
    let calls = 0;
    const http = {
      async get(url: URL): Promise<HttpResponse> {
        calls += 1;
        if (calls === 1) throw new Error('connection reset');
        return { url, status: 200, headers: {}, body: Buffer.from('{"token":"t"}'), redirects: [], credentialsWithheld: false };
      },
    } as unknown as HttpClient;
    const auth = createAuthorizer(http, bearer, credentials(), REGISTRY_ORIGIN);
    await expect(auth.authorization([])).rejects.toThrow('connection reset');
    expect(await auth.authorization([])).toBe('Bearer t');
  });
});

describe('firstAuthorization: the first token, asked for with the scopes ahead', () => {
  it('asks with the scopes ahead and reuses that token', async () => {
    const { http, sent } = fakeHttp({ status: 200, body: { token: 'cat' } });
    const auth = createAuthorizer(http, bearer, credentials(), REGISTRY_ORIGIN);
    expect(await auth.firstAuthorization(['registry:catalog:*'])).toBe('Bearer cat');
    expect(await auth.authorization(['registry:catalog:*'])).toBe('Bearer cat');
    expect(sent.map((s) => s.url.searchParams.getAll('scope'))).toEqual([['registry:catalog:*']]);
  });

  it.each([403, 500])('after a %i to the scoped request, asks once more without scopes', async (status) => {
    const { http, sent } = fakeHttp({ status }, { status: 200, body: { token: 'plain' } });
    const auth = createAuthorizer(http, bearer, credentials(), REGISTRY_ORIGIN);
    expect(await auth.firstAuthorization(['registry:catalog:*'])).toBe('Bearer plain');
    expect(sent.map((s) => s.url.searchParams.getAll('scope'))).toEqual([['registry:catalog:*'], []]);
  });

  it('after a 401 (a wrong password), does not ask twice: one failed login, not two', async () => {
    const { http, sent } = fakeHttp({ status: 401 }, { status: 200, body: { token: 'never' } });
    const auth = createAuthorizer(http, bearer, credentials(), REGISTRY_ORIGIN);
    expect((await stepProblemOf(auth.firstAuthorization(['registry:catalog:*']))).problem.code).toBe('AUTH_REJECTED');
    expect(sent).toHaveLength(1);
  });

  it('passes on an error that is not a refusal without a second request', async () => {
    const http = {
      get: async () => {
        throw new Error('socket hang up');
      },
    } as unknown as HttpClient;
    await expect(createAuthorizer(http, bearer, credentials(), REGISTRY_ORIGIN).firstAuthorization(['registry:catalog:*'])).rejects.toThrow(
      'socket hang up',
    );
  });
});
