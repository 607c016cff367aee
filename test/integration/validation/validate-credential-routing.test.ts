// Where a password may go (docs/credential-routing.md): hostile loopback servers record
// every request they receive, and a canary password must never reach one it was not meant for,
// nor any report. Addresses that must not be reached (169.254.169.254 and its kin) are asked for
// through a recording proxy that reaches loopback only, so no packet ever leaves this machine.
import { describe, expect, it } from 'vitest';
import type { ValidationReport } from '../../../shared/model/validation';
import { startAwsDouble } from '../../fixtures/aws-double';
import { canaryForms, canarySecret } from '../../fixtures/canary';
import {
  answerJson,
  startRecordingProxy,
  startRecordingServer,
  startScriptedRegistry,
  type RecordedRequest,
} from '../../fixtures/hostile-servers';
import { validateCommand } from '../../../main/cli/validate-command';
import { startRegistry } from '../../fixtures/registry';
import { startTokenServer } from '../../fixtures/token-server';
import { failure, step, useServerScene, validate } from './validate-support';

const { ca, afterThisTest, track, tls, trust } = useServerScene('validate-credential-routing');

/** A validation with a canary password, and everything it produced (report and progress) as text. */
async function validateWithCanary(endpoint: string, extra: Record<string, unknown> = {}) {
  const user = { username: 'alice', password: canarySecret('routing') };
  const progress: string[] = [];
  const report = await validate({ endpoint, ...user, ...trust(), ...extra }, { onProgress: (s) => progress.push(JSON.stringify(s)) });
  return { user, report, everything: JSON.stringify(report) + progress.join('\n') };
}

function expectNoCanary(text: string, user: { username: string; password: string }) {
  for (const form of canaryForms(user.password, user.username)) expect(text).not.toContain(form);
}

const carriedAuthorization = (requests: readonly RecordedRequest[]) => requests.filter((r) => r.headers.authorization !== undefined);

describe('the token realm', () => {
  it('refuses a plain-http token service of an https registry before sending anything to it', async () => {
    const realm = track(await startRecordingServer());
    const front = track(
      await startScriptedRegistry({ tls: tls(), challenge: `Bearer realm="${realm.url}/token",service="registry.test"` }),
    );
    const { user, report, everything } = await validateWithCanary(front.url);
    expect(failure(report)).toMatchObject({
      id: 'auth',
      code: 'AUTH_REALM_INSECURE',
      message: expect.stringContaining(`${realm.url}/token`),
    });
    expect(step(report, 'auth').observed).toContain(`password not sent to ${realm.url}`);
    expect(realm.requests()).toEqual([]);
    expectNoCanary(everything, user);
  });

  it('still uses a plain-http token service when the registry itself is plain http (and says the password travels in clear)', async () => {
    const realm = track(await startRecordingServer({}, (_request, response) => answerJson(response, 200, { token: 'issued' })));
    const front = track(await startScriptedRegistry({ challenge: `Bearer realm="${realm.url}/token",service="registry.test"` }));
    const { report } = await validateWithCanary(front.url);
    expect(step(report, 'auth')).toMatchObject({ status: 'warn', problem: { code: 'CREDENTIALS_UNENCRYPTED' } });
    expect(carriedAuthorization(realm.requests()).length).toBeGreaterThan(0);
    expect(step(report, 'auth').observed).toContain(
      `password sent to the token service at ${realm.url}, another origin than the registry's ${front.url} (Palette must reach it too)`,
    );
  });

  it.each([
    ['AWS and Azure metadata', 'https://169.254.169.254/latest/api/token'],
    ['an IPv4-mapped IPv6 form', 'https://[::ffff:169.254.169.254]/token'],
    ['a decimal IPv4 form', 'https://2852039166/token'],
    ['AWS metadata over IPv6', 'https://[fd00:ec2::254]/token'],
    ['IPv6 link-local', 'https://[fe80::1]:8443/token'],
  ])('never sends the password to a link-local or metadata token service: %s', async (_label, realmUrl) => {
    const proxy = track(await startRecordingProxy());
    const front = track(await startScriptedRegistry({ tls: tls(), challenge: `Bearer realm="${realmUrl}",service="registry.test"` }));
    const { user, report, everything } = await validateWithCanary(front.url, { proxy: { url: proxy.url, fromEnvironment: false } });
    expect(failure(report)).toMatchObject({ id: 'auth', code: 'AUTH_REALM_LINK_LOCAL' });
    // Everything went through the proxy, and nothing was asked of it but the registry's own address.
    expect(proxy.requests().length).toBeGreaterThan(0);
    expect(proxy.requests().map((r) => r.target)).toEqual(proxy.requests().map(() => front.hostPort));
    expectNoCanary(JSON.stringify(proxy.requests()) + JSON.stringify(front.requests()) + everything, user);
  });
});

describe('a token service that redirects elsewhere', () => {
  it('withholds the password from the other origin and never calls the anonymous token it gets authentication', async () => {
    // The real token service, on another origin (localhost), hands anonymous tokens to anyone.
    const tokens = await startTokenServer({ users: [{ username: 'alice', password: 'the-real-one' }], tls: tls(), anonymous: 'allow' });
    afterThisTest(() => tokens.close());
    const realm = track(
      await startRecordingServer({ tls: tls() }, (request, response) => {
        response.writeHead(307, { Location: `https://localhost:${tokens.port}${request.url ?? '/'}`, 'Content-Length': 0 }).end();
      }),
    );
    const registry = await startRegistry({ tls: tls(), auth: { ...tokens.registryAuth, realm: `${realm.url}/token` } });
    afterThisTest(() => registry.stop());
    // A wrong password: before the fix, the anonymous token made this "authenticated as alice".
    const { user, report, everything } = await validateWithCanary(registry.endpoint);
    const auth = step(report, 'auth');
    expect(auth).toMatchObject({ status: 'warn', problem: { code: 'AUTH_UNVERIFIED', message: expect.stringContaining('redirected') } });
    expect(auth.observed).not.toContain('authenticated as alice');
    expect(auth.observed.join('\n')).toMatch(
      new RegExp(`→ https://localhost:${tokens.port}/token \\(credentials withheld: another origin\\)`),
    );
    // The realm the registry named was sent the password; the origin it redirected to never was.
    expect(carriedAuthorization(realm.requests()).length).toBeGreaterThan(0);
    expect(tokens.requests().length).toBeGreaterThan(0);
    expect(tokens.requests().every((r) => r.authorization === 'none')).toBe(true);
    expectNoCanary(everything, user);
  });
});

describe('a token service that redirects elsewhere and refuses the anonymous request there', () => {
  it('does not call that a wrong password: the other origin never saw it', async () => {
    const tokens = await startTokenServer({ users: [{ username: 'alice', password: 'the-real-one' }], tls: tls(), anonymous: 'deny' });
    afterThisTest(() => tokens.close());
    const realm = track(
      await startRecordingServer({ tls: tls() }, (request, response) => {
        response.writeHead(307, { Location: `https://localhost:${tokens.port}${request.url ?? '/'}`, 'Content-Length': 0 }).end();
      }),
    );
    const front = track(
      await startScriptedRegistry({ tls: tls(), challenge: `Bearer realm="${realm.url}/token",service="registry.test"` }),
    );
    const { user, report, everything } = await validateWithCanary(front.url);
    expect(failure(report)).toMatchObject({
      id: 'auth',
      code: 'TOKEN_SERVICE_FAILED',
      message: expect.stringContaining(
        `redirected to https://localhost:${tokens.port}, another origin, which was not sent the credentials`,
      ),
    });
    expect(tokens.requests().every((r) => r.authorization === 'none')).toBe(true);
    expectNoCanary(everything, user);
  });
});

describe('catalog pages', () => {
  const user = { username: 'alice', password: canarySecret('catalog') };

  it.each([
    ['plain http on another port', undefined],
    ['https on another port of the same host', 'tls'],
  ] as const)('never follows a Link to another origin (%s), and says so', async (_label, secure) => {
    const elsewhere = track(await startRecordingServer(secure ? { tls: tls() } : {}));
    const front = track(
      await startScriptedRegistry({
        tls: tls(),
        user,
        routes: {
          '/v2/_catalog': (_request, response) =>
            answerJson(
              response,
              200,
              { repositories: ['spectro-packs/archive/calico'] },
              { Link: `<${elsewhere.url}/v2/_catalog?last=calico&n=1000>; rel="next"` },
            ),
        },
      }),
    );
    const report = await validate({ endpoint: front.url, ...user, ...trust() });
    expect(elsewhere.requests()).toEqual([]);
    expect(step(report, 'base-path').observed).toContain(
      `next catalog page at ${elsewhere.url} not followed: pages are read from the registry's origin only`,
    );
    expect(step(report, 'base-path').observed.join('\n')).toMatch(/listing cut short/);
    expect(report.packCount).toBe(1);
  });

  it('keeps the credentials withheld on a page reached through a redirect, and does not trust that page', async () => {
    const elsewhere = track(
      await startRecordingServer({}, (_request, response) =>
        answerJson(
          response,
          200,
          { repositories: ['spectro-packs/archive/planted'] },
          { Link: '</v2/_catalog?last=planted&n=1000>; rel="next"' },
        ),
      ),
    );
    const front = track(
      await startScriptedRegistry({
        tls: tls(),
        user,
        routes: {
          '/v2/_catalog': (request, response) => {
            response.writeHead(307, { Location: `${elsewhere.url}${request.url ?? ''}`, 'Content-Length': 0 }).end();
          },
        },
      }),
    );
    const progress: string[] = [];
    const report: ValidationReport = await validate(
      { endpoint: front.url, ...user, ...trust() },
      { onProgress: (s) => progress.push(JSON.stringify(s)) },
    );
    // The redirected page was fetched without credentials, and its relative Link was not followed.
    expect(elsewhere.requests()).toHaveLength(1);
    expect(carriedAuthorization(elsewhere.requests())).toEqual([]);
    expect(step(report, 'base-path').observed).toContain(`catalog page answered by ${elsewhere.url}, not by the registry: not trusted`);
    expect(report.packCount).toBe(0);
    expect(JSON.stringify(report)).not.toContain('planted');
    expectNoCanary(JSON.stringify(elsewhere.requests()) + JSON.stringify(report) + progress.join('\n'), user);
  });
});

describe('registry requests', () => {
  it('keep a base content path that looks like a URL on the registry’s origin', async () => {
    const user = { username: 'alice', password: canarySecret('base-path') };
    const elsewhere = track(await startRecordingServer());
    const front = track(await startScriptedRegistry({ tls: tls(), user }));
    for (const baseContentPath of [elsewhere.url, `//${elsewhere.hostPort}`])
      await validate({ endpoint: front.url, ...user, ...trust(), baseContentPath });
    expect(elsewhere.requests()).toEqual([]);
    expect(front.requests().some((r) => r.path.includes('/tags/list'))).toBe(true);
  });
});

describe('ECR is https only', () => {
  it('refuses an http endpoint before asking AWS for a token or sending one', async () => {
    const admin = {
      accessKeyId: 'AKIAADMINEXAMPLE0001',
      secretAccessKey: canarySecret('aws-secret'),
      arn: 'arn:aws:iam::111122223333:user/admin',
    };
    const registryPassword = canarySecret('ecr-token-password');
    const double = track(await startAwsDouble({ tls: tls(), account: '123456789012', users: [admin], registryPassword }));
    const front = track(await startScriptedRegistry());
    const progress: string[] = [];
    const report = await validate(
      {
        endpoint: front.url,
        ...trust(),
        ecr: {
          method: 'credentials',
          accessKeyId: admin.accessKeyId,
          secretAccessKey: admin.secretAccessKey,
          region: 'us-east-1',
          apiEndpoint: double.url,
        },
      },
      { onProgress: (s) => progress.push(JSON.stringify(s)) },
    );
    expect(failure(report)).toMatchObject({ id: 'endpoint', code: 'ECR_HTTPS_REQUIRED' });
    expect(report.steps.find((s) => s.id === 'endpoint')?.problem?.remedy).toBe(`Use https://${front.hostPort} as the endpoint.`);
    expect(front.requests()).toEqual([]);
    expect(double.calls()).toEqual([]);
    const everything = JSON.stringify(report) + progress.join('\n');
    for (const secret of [admin.secretAccessKey, registryPassword, ...double.secretsIssued()]) expect(everything).not.toContain(secret);
  });
});

describe('regdesk validate', () => {
  it('prints the refused realm, exits 1, and never prints the password nor sends it there', async () => {
    const realm = track(await startRecordingServer());
    const front = track(
      await startScriptedRegistry({ tls: tls(), challenge: `Bearer realm="${realm.url}/token",service="registry.test"` }),
    );
    const user = { username: 'alice', password: canarySecret('cli-routing') };
    for (const format of [[], ['--json']]) {
      let output = '';
      const write = (text: string) => (output += text);
      const io = { out: { write }, err: { write }, readStdin: async () => '', env: { REGDESK_PASSWORD: user.password } };
      const code = await validateCommand([front.url, '-u', user.username, '--ca-file', ca().root.cert, '--no-proxy-env', ...format], io);
      expect(code).toBe(1);
      expect(output).toContain('AUTH_REALM_INSECURE');
      expectNoCanary(output, user);
    }
    expect(realm.requests()).toEqual([]);
  });

  it('refuses an http:// ECR endpoint as a command-line error, before AWS is asked, and never prints the secret key', async () => {
    const secret = canarySecret('cli-aws-secret');
    let output = '';
    const write = (text: string) => (output += text);
    const io = { out: { write }, err: { write }, readStdin: async () => '', env: { AWS_SECRET_ACCESS_KEY: secret } };
    const argv = [
      'http://123456789012.dkr.ecr.us-east-1.amazonaws.com',
      '--aws-auth',
      'credentials',
      '--aws-access-key-id',
      'AKIAADMINEXAMPLE0001',
    ];
    // Through a proxy that reaches loopback only: even a client that tried could not leave this machine.
    const proxy = track(await startRecordingProxy());
    expect(await validateCommand([...argv, '--proxy', proxy.url, '--no-proxy-env'], io)).toBe(2);
    expect(proxy.requests()).toEqual([]);
    expect(output).toContain('ECR serves registries over HTTPS only');
    expect(output).toContain('Use https://123456789012.dkr.ecr.us-east-1.amazonaws.com as the endpoint.');
    expect(output).not.toContain(secret);
  });
});
