// prepare(): one token exchange for the scopes the packs step will ask for one by one, against a
// fake token service that records every request. A slow link pays one round trip for all of them;
// a refusal must not turn into more failed logins than asking one by one would have made.
import { describe, expect, it } from 'vitest';
import type { HttpClient, HttpResponse } from '../../../../../../main/services/net/http-client';
import { createAuthorizer, type AuthScheme } from '../../../../../../main/services/validation/oci/registry-auth';
import { canarySecret } from '../../../../../fixtures/canary';

const REGISTRY_ORIGIN = 'https://registry.example';
const bearer: AuthScheme = { kind: 'bearer', realm: new URL('https://auth.example/token'), service: 'registry.example' };
const credentials = () => ({ username: 'robot', password: canarySecret('registry-auth-prepare') });
const pull = (n: number) => Array.from({ length: n }, (_, i) => `repository:acme/spectro-packs/archive/p${i}:pull`);

/** Answers with the next reply; replies may depend on the request (the scopes asked). */
function fakeHttp(reply: (url: URL) => { status: number; body?: unknown }) {
  const sent: URL[] = [];
  const http = {
    async get(url: URL): Promise<HttpResponse> {
      sent.push(url);
      const { status, body } = reply(url);
      return { url, status, headers: {}, body: Buffer.from(JSON.stringify(body ?? {})), redirects: [], credentialsWithheld: false };
    },
  };
  return { http: http as unknown as HttpClient, sent, scopes: () => sent.map((u) => u.searchParams.getAll('scope')) };
}

describe('prepare: the packs’ pull scopes in one token request', () => {
  it('asks once for every scope and hands each scope that token', async () => {
    const { http, scopes } = fakeHttp(() => ({ status: 200, body: { token: 'all' } }));
    const auth = createAuthorizer(http, bearer, credentials(), REGISTRY_ORIGIN);
    expect(await auth.prepare(pull(3))).toBe(1);
    for (const scope of pull(3)) expect(await auth.authorization([scope])).toBe('Bearer all');
    expect(scopes()).toEqual([pull(3)]);
  });

  it('asks in groups of twenty, so no request line grows without bound', async () => {
    let n = 0;
    const { http, scopes } = fakeHttp(() => ({ status: 200, body: { token: `t${n++}` } }));
    const auth = createAuthorizer(http, bearer, credentials(), REGISTRY_ORIGIN);
    expect(await auth.prepare(pull(41))).toBe(3);
    expect(scopes().map((s) => s.length)).toEqual([20, 20, 1]);
    expect(new Set(await Promise.all(pull(41).map((s) => auth.authorization([s]))))).toEqual(
      new Set(['Bearer t0', 'Bearer t1', 'Bearer t2']),
    );
  });

  it('makes no request for one scope, for scopes it already holds, or without a token service', async () => {
    const { http, sent } = fakeHttp(() => ({ status: 200, body: { token: 'one' } }));
    const auth = createAuthorizer(http, bearer, credentials(), REGISTRY_ORIGIN);
    expect(await auth.prepare(pull(1))).toBe(0);
    await auth.authorization([pull(2)[1]!]);
    expect(await auth.prepare(pull(2))).toBe(0);
    expect(sent).toHaveLength(1);
    const basic = createAuthorizer(http, { kind: 'basic' }, credentials(), REGISTRY_ORIGIN);
    expect(await basic.prepare(pull(5))).toBe(0);
    expect(sent).toHaveLength(1);
  });

  it('after a refusal other than 401, leaves each scope to be asked alone', async () => {
    const { http, scopes } = fakeHttp((url) =>
      url.searchParams.getAll('scope').length > 1 ? { status: 400 } : { status: 200, body: { token: 'alone' } },
    );
    const auth = createAuthorizer(http, bearer, credentials(), REGISTRY_ORIGIN);
    await auth.prepare(pull(2));
    expect(await auth.authorization([pull(2)[0]!])).toBe('Bearer alone');
    expect(scopes()).toEqual([pull(2), [pull(2)[0]]]);
  });

  it('after a 401 (a wrong password), answers every scope with it and asks nothing more', async () => {
    const { http, sent } = fakeHttp(() => ({ status: 401 }));
    const auth = createAuthorizer(http, bearer, credentials(), REGISTRY_ORIGIN);
    await auth.prepare(pull(3));
    for (const scope of pull(3)) await expect(auth.authorization([scope])).rejects.toMatchObject({ problem: { code: 'AUTH_REJECTED' } });
    expect(sent).toHaveLength(1);
  });

  it('passes on an error that is not a refusal', async () => {
    const http = {
      get: async () => {
        throw new Error('socket hang up');
      },
    } as unknown as HttpClient;
    await expect(createAuthorizer(http, bearer, credentials(), REGISTRY_ORIGIN).prepare(pull(2))).rejects.toThrow('socket hang up');
  });
});
