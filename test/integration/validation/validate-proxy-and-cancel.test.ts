// Through a real proxy (tinyproxy), and stopping on demand: a validation must say whether a
// proxy carried it, and a Cancel must stop it at once, whatever it is waiting on.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSilentServer } from '../../fixtures/hostile-servers';
import { startHttpProxy, type RunningHttpProxy } from '../../fixtures/http-proxy';
import { createPki, type Pki } from '../../fixtures/pki';
import { startRegistry, type RunningRegistry } from '../../fixtures/registry';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';
import { failure, step, validate } from './validate-support';

let dir: TempDir;
let pki: Pki;
let registry: RunningRegistry;
let proxy: RunningHttpProxy;
const closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  dir = await createTempDir('validate-proxy');
  pki = await createPki(dir.path);
  registry = await startRegistry({ tls: { certificate: pki.leaf.fullchain, key: pki.leaf.key } });
  proxy = await startHttpProxy();
});
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});
afterAll(async () => {
  await Promise.all([registry?.stop(), proxy?.stop()]);
  await dir?.cleanup();
});

describe('proxies', () => {
  it('goes through an explicit proxy and says so; the proxy saw the CONNECT', async () => {
    const report = await validate({
      endpoint: registry.endpoint,
      tls: { caPem: pki.root.certPem },
      proxy: { url: proxy.url, fromEnvironment: false },
    });
    expect(failure(report)).toBeUndefined();
    expect(report.proxy).toBe(proxy.url);
    expect(step(report, 'dns')).toMatchObject({ status: 'skipped', observed: [expect.stringContaining('the proxy')] });
    expect(step(report, 'tcp').observed[0]).toMatch(new RegExp(`^CONNECT ${registry.hostPort} through ${proxy.url} → 200`));
    expect(await proxy.sawConnect(registry.hostPort)).toBe(true);
  });

  it('honours HTTPS_PROXY, and NO_PROXY to bypass it', async () => {
    const proxied = await validate(
      { endpoint: registry.endpoint, tls: { caPem: pki.root.certPem }, proxy: { fromEnvironment: true } },
      { env: { HTTPS_PROXY: proxy.url } },
    );
    expect(proxied.proxy).toBe(proxy.url);
    expect(failure(proxied)).toBeUndefined();
    const bypassed = await validate(
      { endpoint: registry.endpoint, tls: { caPem: pki.root.certPem }, proxy: { fromEnvironment: true } },
      { env: { HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } },
    );
    expect(bypassed.proxy).toBeNull();
    expect(step(bypassed, 'tcp').observed[0]).toMatch(/^connected to 127\.0\.0\.1/);
  });

  it('names a proxy that refuses the tunnel', async () => {
    const strict = await startHttpProxy({ connectPorts: [0] });
    closers.push(() => strict.stop());
    const report = await validate({
      endpoint: registry.endpoint,
      tls: { caPem: pki.root.certPem },
      proxy: { url: strict.url, fromEnvironment: false },
    });
    expect(failure(report)).toMatchObject({ id: 'tcp', code: 'PROXY_FAILED' });
    expect(failure(report)?.observed.join('\n')).toMatch(/CONNECT with HTTP 403/);
  });
});

describe('cancel and deadlines', () => {
  it('stops within milliseconds of a cancel, reporting CANCELLED at the step it reached', async () => {
    const silent = await startSilentServer({ tls: { certificate: pki.leaf.fullchain, key: pki.leaf.key } });
    closers.push(() => silent.close());
    const controller = new AbortController();
    let cancelledAt = 0;
    const report = await validate(
      { endpoint: silent.url, tls: { caPem: pki.root.certPem }, deadlineMs: 20_000 },
      {
        signal: controller.signal,
        onProgress: (s) => {
          // Cancel while the request to /v2/ is in flight, waiting on a server that never answers.
          if (s.id === 'registry-api' && s.status === 'running') {
            setTimeout(() => {
              cancelledAt = performance.now();
              controller.abort();
            }, 300);
          }
        },
      },
    );
    const latency = performance.now() - cancelledAt;
    expect(failure(report)).toMatchObject({ id: 'registry-api', code: 'CANCELLED' });
    expect(latency).toBeLessThan(100);
    expect(report.steps.filter((s) => s.status === 'pending')).toEqual([]);
  });

  it('ends before the overall deadline even while connecting, naming what did not answer', async () => {
    // A non-routable documentation address would leave the network; a TLS handshake to a silent
    // loopback server hangs just the same.
    const silent = await startSilentServer();
    closers.push(() => silent.close());
    const started = Date.now();
    // The connect timeout is longer than the whole validation may take: the handshake gives up a
    // margin before the deadline, so the verdict is the cause (no TLS answer), within the deadline.
    const report = await validate({ endpoint: `https://${silent.hostPort}`, connectTimeoutMs: 10_000, deadlineMs: 1000 });
    expect(failure(report)).toMatchObject({ id: 'tls', code: 'NO_RESPONSE' });
    expect(failure(report)?.message).toMatch(/did not complete a TLS handshake within \d+ ms/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('streams each step as it starts and ends, in order', async () => {
    const seen: string[] = [];
    await validate(
      { endpoint: registry.endpoint, tls: { caPem: pki.root.certPem } },
      { onProgress: (s) => seen.push(`${s.id}:${s.status}`) },
    );
    expect(seen.slice(0, 6)).toEqual(['endpoint:running', 'endpoint:ok', 'dns:running', 'dns:ok', 'tcp:running', 'tcp:ok']);
    expect(seen.at(-1)).toBe('packs:skipped');
  });
});
