// The validation engine against the real distribution registry, case by case, with skopeo's
// verdict on the same registry beside ours. Where ours says more, the test says what.
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPki, type Pki } from '../../fixtures/pki';
import { startRegistry, type RegistryOptions, type RunningRegistry } from '../../fixtures/registry';
import { skopeoLogin } from '../../fixtures/skopeo';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';
import { canarySecret } from '../../fixtures/canary';
import { failure, statuses, step, validate } from './validate-support';

const ALICE = { username: 'alice', password: canarySecret('alice') };
let pkiDir: TempDir;
let pki: Pki;
const registries: RunningRegistry[] = [];

beforeAll(async () => {
  pkiDir = await createTempDir('validate-tls');
  pki = await createPki(pkiDir.path);
});
afterEach(async () => {
  await Promise.all(registries.splice(0).map((r) => r.stop()));
});
afterAll(async () => pkiDir.cleanup());

async function launch(options: RegistryOptions): Promise<RunningRegistry> {
  const registry = await startRegistry(options);
  registries.push(registry);
  return registry;
}
const htpasswd = { kind: 'htpasswd', users: [ALICE] } as const;
const tlsWith = (cert: { fullchain?: string; cert: string; key: string }, fullChain = true) => ({
  certificate: fullChain && cert.fullchain ? cert.fullchain : cert.cert,
  key: cert.key,
});

describe('validation against a TLS + htpasswd registry', () => {
  it('validates the right credentials with the root CA supplied; skopeo agrees', async () => {
    const registry = await launch({ tls: tlsWith(pki.leaf), auth: htpasswd });
    const report = await validate({ endpoint: registry.endpoint, ...ALICE, tls: { caPem: pki.root.certPem } });
    expect(failure(report)).toBeUndefined();
    expect(statuses(report)).toBe('endpoint:ok dns:ok tcp:ok tls:ok registry-api:ok auth:ok base-path:warn packs:skipped');
    expect(step(report, 'auth').observed).toContain('authenticated as alice');
    // Ours says more: the base content path is empty, which skopeo login cannot know.
    expect(step(report, 'base-path').problem?.code).toBe('BASE_PATH_EMPTY');
    // Leaf and intermediate as sent, then the root Node linked from the trust store.
    expect(report.presentedChain.map((c) => c.isCa)).toEqual([false, true, true]);
    // The supplied CA alone anchored the chain: the system store was not needed for the verdict.
    expect(step(report, 'tls').observed.join('\n')).not.toMatch(/checked again/);
    expect((await skopeoLogin({ hostPort: registry.hostPort, ...ALICE, trustedCaPems: [pki.root.certPem] })).exitCode).toBe(0);
  });

  it('names a wrong password AUTH_REJECTED at the registry host; skopeo also refuses', async () => {
    const registry = await launch({ tls: tlsWith(pki.leaf), auth: htpasswd });
    const report = await validate({ endpoint: registry.endpoint, username: 'alice', password: 'wrong', tls: { caPem: pki.root.certPem } });
    expect(failure(report)).toMatchObject({ id: 'auth', code: 'AUTH_REJECTED', message: expect.stringContaining(registry.hostPort) });
    expect(
      (await skopeoLogin({ hostPort: registry.hostPort, username: 'alice', password: 'wrong', trustedCaPems: [pki.root.certPem] }))
        .exitCode,
    ).not.toBe(0);
  });

  it('says credentials are required when none are given', async () => {
    const registry = await launch({ tls: tlsWith(pki.leaf), auth: htpasswd });
    const report = await validate({ endpoint: registry.endpoint, tls: { caPem: pki.root.certPem } });
    expect(failure(report)).toMatchObject({ id: 'auth', code: 'AUTH_REQUIRED' });
  });

  it('stops at TLS with TLS_UNKNOWN_CA when the CA is not supplied, and reports the presented chain', async () => {
    const registry = await launch({ tls: tlsWith(pki.leaf), auth: htpasswd });
    const report = await validate({ endpoint: registry.endpoint, ...ALICE });
    expect(failure(report)).toMatchObject({ id: 'tls', code: 'TLS_UNKNOWN_CA' });
    expect(statuses(report)).toMatch(/registry-api:skipped auth:skipped/);
    expect(report.presentedChain[0]?.subject).toContain('CN=localhost');
    expect(report.presentedChain[1]?.subject).toContain('Intermediate CA');
    const skopeo = await skopeoLogin({ hostPort: registry.hostPort, ...ALICE });
    expect(skopeo.exitCode).not.toBe(0);
    expect(skopeo.stderr).toMatch(/unknown authority/);
  });

  it('validates anyway with Insecure Skip TLS Verify, marking TLS as a warning that says why', async () => {
    const registry = await launch({ tls: tlsWith(pki.leaf), auth: htpasswd });
    const report = await validate({ endpoint: registry.endpoint, ...ALICE, tls: { insecureSkipVerify: true } });
    expect(failure(report)).toBeUndefined();
    expect(report.ok).toBe(true);
    expect(step(report, 'tls')).toMatchObject({
      status: 'warn',
      problem: { code: 'TLS_UNKNOWN_CA', message: expect.stringMatching(/^Not verified, because Insecure Skip TLS Verify is on/) },
    });
    expect((await skopeoLogin({ hostPort: registry.hostPort, ...ALICE, tlsVerify: false })).exitCode).toBe(0);
  });

  it('reports the missing intermediate when the server sends only its leaf', async () => {
    const registry = await launch({ tls: tlsWith(pki.leaf, false), auth: htpasswd });
    const report = await validate({ endpoint: registry.endpoint, ...ALICE, tls: { caPem: pki.root.certPem } });
    expect(failure(report)).toMatchObject({
      id: 'tls',
      code: 'TLS_INCOMPLETE_CHAIN',
      message: expect.stringContaining('presented only its own certificate'),
    });
    expect((await skopeoLogin({ hostPort: registry.hostPort, ...ALICE, trustedCaPems: [pki.root.certPem] })).exitCode).not.toBe(0);
    // Not anchored by the supplied CA alone, so the verdict is the full trust set's, not the narrow one's.
    expect(step(report, 'tls').observed).toContain('not anchored by the supplied CA alone: checked again against the system CAs as well');
    // Supplying the intermediate as well fixes it, for both clients.
    const withBundle = await validate({
      endpoint: registry.endpoint,
      ...ALICE,
      tls: { caPem: pki.root.certPem + pki.intermediate.certPem },
    });
    expect(failure(withBundle)).toBeUndefined();
  });

  it.each([
    // skopeo (Go) calls a self-signed certificate an "unknown authority"; ours names it.
    ['selfSignedLeaf', 'TLS_SELF_SIGNED', /unknown authority/i],
    ['expiredLeaf', 'TLS_EXPIRED', /expired/],
    ['notYetValidLeaf', 'TLS_NOT_YET_VALID', /not yet valid|not valid yet/],
  ] as const)('classifies a %s as %s; skopeo refuses it too', async (which, code, skopeoSays) => {
    const cert = pki[which];
    const registry = await launch({
      tls: { certificate: 'fullchain' in cert ? cert.fullchain : cert.cert, key: cert.key },
      auth: htpasswd,
    });
    const report = await validate({ endpoint: registry.endpoint, ...ALICE, tls: { caPem: pki.root.certPem } });
    expect(failure(report)).toMatchObject({ id: 'tls', code });
    const skopeo = await skopeoLogin({ hostPort: registry.hostPort, ...ALICE, trustedCaPems: [pki.root.certPem] });
    expect(skopeo.exitCode).not.toBe(0);
    expect(skopeo.stderr).toMatch(skopeoSays);
  });

  it('lists the names a wrong-name certificate holds', async () => {
    const registry = await launch({ tls: tlsWith(pki.wrongNameLeaf), auth: htpasswd });
    const report = await validate({ endpoint: registry.endpoint, ...ALICE, tls: { caPem: pki.root.certPem } });
    expect(failure(report)).toMatchObject({
      id: 'tls',
      code: 'TLS_HOSTNAME_MISMATCH',
      message: 'The certificate names wrong.example.test, not 127.0.0.1.',
    });
    // skopeo only says the certificate "doesn't contain any IP SANs"; ours names what it holds.
    expect((await skopeoLogin({ hostPort: registry.hostPort, ...ALICE, trustedCaPems: [pki.root.certPem] })).stderr).toMatch(
      /doesn't contain any IP SANs/,
    );
  });

  it('verifies an IPv6 literal endpoint against the certificate’s IP names', async () => {
    const registry = await launch({ tls: tlsWith(pki.leaf), auth: htpasswd });
    // The registry listens on 127.0.0.1 only: the IPv6 form must fail at TCP, not at parsing.
    const report = await validate({ endpoint: `https://[::1]:${registry.port}`, ...ALICE, tls: { caPem: pki.root.certPem } });
    expect(step(report, 'endpoint').status).toBe('ok');
    expect(step(report, 'dns').observed[0]).toMatch(/IPv6 address/);
  });
});

describe('validation of plain HTTP and protocol mix-ups', () => {
  it('validates an anonymous plain-HTTP registry, skipping TLS', async () => {
    const registry = await launch({});
    const report = await validate({ endpoint: registry.endpoint });
    expect(statuses(report)).toBe('endpoint:ok dns:ok tcp:ok tls:skipped registry-api:ok auth:ok base-path:warn packs:skipped');
    expect(step(report, 'auth').observed[0]).toMatch(/anonymous access/);
  });

  it('warns that credentials travel unencrypted to a plain-HTTP registry', async () => {
    const registry = await launch({ auth: htpasswd });
    const report = await validate({ endpoint: registry.endpoint, ...ALICE });
    expect(report.ok).toBe(true);
    expect(step(report, 'auth')).toMatchObject({ status: 'warn', problem: { code: 'CREDENTIALS_UNENCRYPTED' } });
  });

  it('spots a plain-HTTP server behind an https endpoint and suggests http://', async () => {
    const registry = await launch({});
    const report = await validate({ endpoint: `https://127.0.0.1:${registry.port}` });
    expect(failure(report)).toMatchObject({ id: 'tls', code: 'TLS_PLAIN_HTTP' });
    expect(step(report, 'tls').problem?.remedy).toContain(`http://127.0.0.1:${registry.port}`);
    expect((await skopeoLogin({ hostPort: registry.hostPort, username: 'x', password: 'y' })).stderr).toMatch(
      /HTTP response to HTTPS client/,
    );
  });

  it('spots an http:// endpoint aimed at a TLS port and suggests https://', async () => {
    const registry = await launch({ tls: tlsWith(pki.leaf) });
    const report = await validate({ endpoint: `http://127.0.0.1:${registry.port}` });
    expect(failure(report)).toMatchObject({ id: 'registry-api', code: 'HTTP_TO_TLS_PORT' });
    expect(step(report, 'registry-api').problem?.remedy).toContain(`https://127.0.0.1:${registry.port}`);
  });

  it('reports a closed port as TCP_REFUSED', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const report = await validate({ endpoint: `127.0.0.1:${port}` });
    expect(failure(report)).toMatchObject({ id: 'tcp', code: 'TCP_REFUSED' });
  });

  it('reports an unknown host as DNS_NOT_FOUND', async () => {
    const report = await validate({ endpoint: 'registry.does-not-exist.invalid' });
    expect(failure(report)).toMatchObject({ id: 'dns', code: expect.stringMatching(/^DNS_(NOT_FOUND|FAILED)$/) });
  });

  it('never puts the password in the report', async () => {
    const registry = await launch({ tls: tlsWith(pki.leaf), auth: htpasswd });
    for (const password of [ALICE.password, `${ALICE.password}-wrong`]) {
      const report = await validate({ endpoint: registry.endpoint, username: 'alice', password, tls: { caPem: pki.root.certPem } });
      expect(JSON.stringify(report)).not.toContain(ALICE.password);
    }
  });
});
