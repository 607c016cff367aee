// Token-auth registries and the pack layout, against the real registry and a token service it
// accepts, with packs pushed the way Palette's docs push them (oras).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { canarySecret } from '../../fixtures/canary';
import { startCatalogRefusingFront } from '../../fixtures/hostile-servers';
import { pushPack } from '../../fixtures/oci-push';
import { createPki, type Pki } from '../../fixtures/pki';
import { startRegistry, type RunningRegistry } from '../../fixtures/registry';
import { skopeoListTags, skopeoLogin } from '../../fixtures/skopeo';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';
import { startTokenServer, type RunningTokenServer, type TokenServerOptions } from '../../fixtures/token-server';
import { failure, statuses, step, validate } from './validate-support';

const ALICE = { username: 'alice', password: canarySecret('token-alice') };
let dir: TempDir;
let pki: Pki;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  dir = await createTempDir('validate-token');
  pki = await createPki(dir.path);
});
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((close) => close()));
});
afterAll(async () => dir.cleanup());

const tls = () => ({ certificate: pki.leaf.fullchain, key: pki.leaf.key });

async function tokenRegistry(
  options: TokenServerOptions = {},
  realmHost?: string,
): Promise<{ registry: RunningRegistry; tokens: RunningTokenServer }> {
  const tokens = await startTokenServer({ users: [ALICE], tls: tls(), ...options });
  cleanups.push(() => tokens.close());
  const auth = realmHost ? { ...tokens.registryAuth, realm: tokens.realm.replace('127.0.0.1', realmHost) } : tokens.registryAuth;
  const registry = await startRegistry({ tls: tls(), auth });
  cleanups.push(() => registry.stop());
  return { registry, tokens };
}

describe('token (Bearer) registries', () => {
  it('exchanges the credentials at the token service and validates; skopeo agrees', async () => {
    const { registry, tokens } = await tokenRegistry();
    const report = await validate({ endpoint: registry.endpoint, ...ALICE, tls: { caPem: pki.root.certPem } });
    expect(failure(report)).toBeUndefined();
    expect(step(report, 'auth').observed).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^token service https:\/\/127\.0\.0\.1:\d+\/token, service "registry\.test"$/),
        'authenticated as alice',
      ]),
    );
    // What we asked the token service, Docker's way: account and service, Basic credentials.
    expect(tokens.requests()[0]).toMatchObject({ account: 'alice', service: 'registry.test', username: 'alice' });
    expect((await skopeoLogin({ hostPort: registry.hostPort, ...ALICE, trustedCaPems: [pki.root.certPem] })).exitCode).toBe(0);
  });

  it('names the token service’s host when it rejects the password; skopeo also refuses', async () => {
    const { registry, tokens } = await tokenRegistry();
    const report = await validate({ endpoint: registry.endpoint, username: 'alice', password: 'wrong', tls: { caPem: pki.root.certPem } });
    expect(failure(report)).toMatchObject({
      id: 'auth',
      code: 'AUTH_REJECTED',
      message: `The token service at ${new URL(tokens.realm).host} rejected the username and password.`,
    });
    // One failed login, not two: accounts with a lockout policy count every refused request.
    expect(tokens.requests().filter((r) => r.status === 401)).toHaveLength(1);
    const skopeo = await skopeoLogin({
      hostPort: registry.hostPort,
      username: 'alice',
      password: 'wrong',
      trustedCaPems: [pki.root.certPem],
    });
    expect(skopeo.stderr).toMatch(/invalid username\/password/);
  });

  it('gets an anonymous token when no credentials are given, or says they are required', async () => {
    const open = await tokenRegistry({ anonymous: 'allow' });
    const anonymous = await validate({ endpoint: open.registry.endpoint, tls: { caPem: pki.root.certPem } });
    expect(step(anonymous, 'auth').observed).toContain('authenticated anonymously');
    const closed = await tokenRegistry({ anonymous: 'deny' });
    const refused = await validate({ endpoint: closed.registry.endpoint, tls: { caPem: pki.root.certPem } });
    expect(failure(refused)).toMatchObject({ id: 'auth', code: 'AUTH_REQUIRED' });
  });

  it('accepts a token service that answers with token or access_token only', async () => {
    for (const responseShape of ['token', 'access_token'] as const) {
      const { registry } = await tokenRegistry({ responseShape });
      expect(
        failure(await validate({ endpoint: registry.endpoint, ...ALICE, tls: { caPem: pki.root.certPem } })),
        responseShape,
      ).toBeUndefined();
    }
  });

  it('sends the password to a token service on another https origin, and names that origin', async () => {
    const { registry, tokens } = await tokenRegistry({}, 'localhost');
    const report = await validate({ endpoint: registry.endpoint, ...ALICE, tls: { caPem: pki.root.certPem } });
    expect(report.ok).toBe(true);
    expect(step(report, 'auth').status).toBe('ok');
    expect(step(report, 'auth').observed).toContain(
      `password sent to the token service at https://localhost:${tokens.port}, another origin than the registry's ${registry.endpoint} (Palette must reach it too)`,
    );
    expect(tokens.requests()[0]).toMatchObject({ username: 'alice', authorization: 'basic' });
  });
});

describe('base content path and packs', () => {
  it('finds the packs under the base content path with their versions, newest first; skopeo lists the same tags', async () => {
    const { registry } = await tokenRegistry();
    const push = { endpoint: registry.endpoint, auth: ALICE, ca: pki.root.certPem, basePath: 'prod' };
    for (const version of ['3.26.0', '3.27.1', '3.9.0']) await pushPack({ ...push, pack: 'cni-calico', version });
    await pushPack({ ...push, pack: 'csi-aws-ebs', version: '1.22.0' });
    await pushPack({ ...push, basePath: 'other', pack: 'ubuntu-aws', version: '22.04' });

    const report = await validate({ endpoint: registry.endpoint, ...ALICE, baseContentPath: 'prod', tls: { caPem: pki.root.certPem } });
    expect(statuses(report)).toBe('endpoint:ok dns:ok tcp:ok tls:ok registry-api:ok auth:ok base-path:ok packs:ok');
    expect(report.packs).toEqual([
      { name: 'cni-calico', versions: ['3.27.1', '3.26.0', '3.9.0'] },
      { name: 'csi-aws-ebs', versions: ['1.22.0'] },
    ]);
    expect(report.packCount).toBe(2);
    const skopeo = await skopeoListTags(
      { hostPort: registry.hostPort, ...ALICE, trustedCaPems: [pki.root.certPem] },
      'prod/spectro-packs/archive/cni-calico',
    );
    expect((JSON.parse(skopeo.stdout) as { Tags: string[] }).Tags.sort()).toEqual(['3.26.0', '3.27.1', '3.9.0']);

    // Ours says more: a wrong base path is named, with the paths that do hold packs.
    const wrongPath = await validate({
      endpoint: registry.endpoint,
      ...ALICE,
      baseContentPath: 'staging',
      tls: { caPem: pki.root.certPem },
    });
    expect(wrongPath.ok).toBe(true);
    expect(step(wrongPath, 'base-path')).toMatchObject({
      status: 'warn',
      problem: { code: 'BASE_PATH_EMPTY', remedy: 'Set Base Content Path to "other" or "prod".' },
    });
  });

  it('never calls a refused catalog bad credentials: it probes the archive repository instead', async () => {
    const { registry } = await tokenRegistry({ grantCatalog: false });
    await pushPack({
      endpoint: registry.endpoint,
      auth: ALICE,
      ca: pki.root.certPem,
      basePath: 'prod',
      pack: 'cni-calico',
      version: '3.27.1',
    });
    const report = await validate({ endpoint: registry.endpoint, ...ALICE, baseContentPath: 'prod', tls: { caPem: pki.root.certPem } });
    expect(report.ok).toBe(true);
    expect(step(report, 'auth').status).toBe('ok');
    expect(step(report, 'base-path')).toMatchObject({ status: 'warn', problem: { code: 'BASE_PATH_UNVERIFIED' } });
    expect(step(report, 'base-path').observed.join('\n')).toMatch(/catalog refused .*says nothing about their validity/);
  });

  it.each([401, 403, 404] as const)('treats a catalog refused with HTTP %i as listing unavailable', async (status) => {
    const registry = await startRegistry({ tls: tls(), auth: { kind: 'htpasswd', users: [ALICE] } });
    cleanups.push(() => registry.stop());
    const front = await startCatalogRefusingFront({ registry, tls: tls(), status });
    cleanups.push(() => front.close());
    const report = await validate({ endpoint: front.url, ...ALICE, tls: { caPem: pki.root.certPem } });
    expect(report.ok).toBe(true);
    expect(step(report, 'base-path').problem?.code).toBe('BASE_PATH_UNVERIFIED');
  });

  it('fails the base path when the credentials may not pull from it', async () => {
    const { registry } = await tokenRegistry({ grantCatalog: false, policy: () => [] });
    const report = await validate({ endpoint: registry.endpoint, ...ALICE, baseContentPath: 'prod', tls: { caPem: pki.root.certPem } });
    expect(failure(report)).toMatchObject({ id: 'base-path', code: 'BASE_PATH_DENIED' });
  });

  it('makes few requests: one token serves both /v2/ and the catalog', async () => {
    const { registry, tokens } = await tokenRegistry();
    let count = 0;
    const report = await validate(
      { endpoint: registry.endpoint, ...ALICE, tls: { caPem: pki.root.certPem } },
      { onRequestCount: (n) => (count = n) },
    );
    expect(failure(report)).toBeUndefined();
    // /v2/ unauthenticated, token (with the catalog scope), /v2/ with the token, _catalog: four.
    expect(count).toBe(4);
    expect(tokens.requests()).toHaveLength(1);
    expect(tokens.requests()[0]!.scopes).toEqual(['registry:catalog:*']);
    expect(step(report, 'base-path').observed.join('\n')).toMatch(/GET \/v2\/_catalog\?n=1000 → 200/);
  });

  it.each([403, 400])(
    'still authenticates when the token service refuses the catalog scope with HTTP %i instead of granting less',
    async (status) => {
      const { registry, tokens } = await tokenRegistry({ refuseCatalogScopeWith: status });
      const report = await validate({ endpoint: registry.endpoint, ...ALICE, tls: { caPem: pki.root.certPem } });
      expect(step(report, 'auth')).toMatchObject({ status: 'ok' });
      expect(report.ok).toBe(true);
      expect(step(report, 'base-path').problem?.code).toBe('BASE_PATH_UNVERIFIED');
      // The scoped request, the scope-less fallback, then the archive probe in place of the
      // catalog; the catalog step does not ask for the refused scope again.
      expect(tokens.requests().map((r) => [r.scopes.join(' '), r.status])).toEqual([
        ['registry:catalog:*', status],
        ['', 200],
        ['repository:spectro-packs/archive:pull', 200],
      ]);
    },
  );
});
