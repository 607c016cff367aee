// Servers that are not registries, or misbehave, must each get their own verdict: a "test
// connection" that passes against any web server is what admins distrust most.
import { describe, expect, it } from 'vitest';
import {
  startHeaderlessRegistry,
  startHugeBodyRegistry,
  startRedirectingRegistry,
  startResettingServer,
  startSilentServer,
  startWebServer,
} from '../../fixtures/hostile-servers';
import { canarySecret } from '../../fixtures/canary';
import { startEchoRegistry } from '../../fixtures/echo-registry';
import { failure, step, useServerScene, validate } from './validate-support';

const { track, tls, trust } = useServerScene('validate-hostile');

describe('servers that are not registries', () => {
  it('calls a web server NOT_A_REGISTRY and says what answered', async () => {
    const server = track(await startWebServer({ tls: tls() }));
    const report = await validate({ endpoint: server.url, ...trust() });
    expect(failure(report)).toMatchObject({ id: 'registry-api', code: 'NOT_A_REGISTRY' });
    expect(failure(report)?.message).toMatch(/HTTP 404, text\/html.*no Docker-Distribution-API-Version header/);
  });

  it('does not take a 200 without the registry header for a registry', async () => {
    const server = track(await startHeaderlessRegistry({ tls: tls() }));
    const report = await validate({ endpoint: server.url, ...trust() });
    expect(failure(report)).toMatchObject({ id: 'registry-api', code: 'NOT_A_REGISTRY', message: expect.stringContaining('HTTP 200') });
  });

  it('caps the body it reads: a 5 MiB answer is RESPONSE_TOO_LARGE, not a hang or a crash', async () => {
    const server = track(await startHugeBodyRegistry({ tls: tls() }));
    const report = await validate({ endpoint: server.url, ...trust() });
    expect(failure(report)).toMatchObject({ id: 'registry-api', code: 'RESPONSE_TOO_LARGE' });
    expect(server.responses().every((r) => !r.completed)).toBe(true);
  });
});

describe('servers that misbehave', () => {
  it('gives a silent server NO_RESPONSE before the overall deadline', async () => {
    const server = track(await startSilentServer({ tls: tls() }));
    const started = Date.now();
    const report = await validate({ endpoint: server.url, ...trust(), deadlineMs: 2000 });
    const elapsed = Date.now() - started;
    expect(failure(report)).toMatchObject({ id: 'registry-api', code: 'NO_RESPONSE' });
    expect(elapsed).toBeGreaterThanOrEqual(1500);
    expect(elapsed).toBeLessThan(2300);
  });

  it('reports a server that never completes the TLS handshake', async () => {
    const server = track(await startSilentServer());
    const report = await validate({ endpoint: `https://${server.hostPort}`, connectTimeoutMs: 500 });
    expect(failure(report)).toMatchObject({ id: 'tls', code: 'NO_RESPONSE' });
  });

  it('reports a reset connection as TCP_RESET', async () => {
    const server = track(await startResettingServer());
    const report = await validate({ endpoint: `https://${server.hostPort}` });
    expect(failure(report)?.code).toBe('TCP_RESET');
  });

  it('never lets the credentials follow a redirect to another origin', async () => {
    const server = track(await startRedirectingRegistry({ tls: tls() }));
    const report = await validate({ endpoint: server.url, username: 'alice', password: 'secret', ...trust() });
    expect(server.target.requests().length).toBeGreaterThan(0);
    expect(server.target.receivedAuthorization()).toBe(false);
    // The 200 came from an origin that never saw the credentials: they are not called valid.
    expect(step(report, 'auth')).toMatchObject({ status: 'warn', problem: { code: 'AUTH_UNVERIFIED' } });
    expect(step(report, 'auth').observed.join('\n')).toMatch(/credentials withheld: another origin/);
  });

  it('never reports the credentials a server echoes back, in any encoding', async () => {
    const server = track(await startEchoRegistry(tls()));
    const password = canarySecret('echoed');
    const steps: string[] = [];
    const report = await validate(
      { endpoint: server.url, username: 'alice', password, ...trust() },
      { onProgress: (s) => steps.push(JSON.stringify(s)) },
    );
    // The echo happened: the server saw the header and put it into the path the report quotes.
    expect(server.received()).toContain(`Basic ${Buffer.from(`alice:${password}`).toString('base64')}`);
    expect(step(report, 'auth').observed.join('\n')).toMatch(/\/v2\/echo\/.*\[redacted/);
    const everything = JSON.stringify(report) + steps.join('\n');
    for (const form of [password, encodeURIComponent(password), Buffer.from(`alice:${password}`).toString('base64')]) {
      expect(everything).not.toContain(form);
    }
  });
});
