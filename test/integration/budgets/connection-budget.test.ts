// Budget: TCP connections per verdict, counted outside the engine by proxies in front of each
// origin (the registry, and the token service its realm names). The TLS step's verified
// connection carries the registry's HTTP requests; the token service gets one connection however
// many tokens the verdict needs. The proxies add no latency here: `npm run bench` (section wan)
// times the same scene at 50 ms round-trip time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLatencyProxy, type LatencyProxy } from '../../fixtures/latency-proxy';
import { startRegistry, type RunningRegistry } from '../../fixtures/registry';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';
import { startWanScene, WAN_BASE_PATH, WAN_PACKS, WAN_USER, type WanOrigin, type WanScene } from '../../fixtures/wan-scene';
import { step, validate } from '../validation/validate-support';
import { REGISTRY_CONNECTIONS_PER_VERDICT, TOKEN_SERVICE_MAX_CONNECTIONS_PER_VERDICT } from './budgets';

let dir: TempDir;
let scene: WanScene;

beforeAll(async () => {
  dir = await createTempDir('connection-budget');
  scene = await startWanScene(dir.path, 0);
});
afterAll(async () => {
  await scene?.close();
  await dir?.cleanup();
});

async function verdict(origin: WanOrigin, extra: { insecureSkipVerify?: boolean } = {}) {
  scene.resetCounts();
  let requests = -1;
  const report = await validate(
    {
      endpoint: origin.endpoint,
      baseContentPath: WAN_BASE_PATH,
      ...WAN_USER,
      tls: extra.insecureSkipVerify ? { insecureSkipVerify: true } : { caPem: scene.pki.root.certPem },
    },
    { onRequestCount: (n) => (requests = n) },
  );
  // A whole verdict: every pack's versions were read, so every request the budget allows was made.
  expect(step(report, 'packs').status, JSON.stringify(step(report, 'packs'))).toBe('ok');
  expect(report.packs.map((p) => p.name).sort()).toEqual([...WAN_PACKS].sort());
  return { report, requests, registry: origin.proxy.connections(), tokenService: scene.tokenProxy.connections() };
}

describe('TCP connections per verdict', () => {
  it(`a Basic registry over TLS: ${REGISTRY_CONNECTIONS_PER_VERDICT}, the TLS step's, for all ${3 + WAN_PACKS.length} requests`, async () => {
    const run = await verdict(scene.basic);
    expect(run.requests).toBe(3 + WAN_PACKS.length);
    expect(run.registry).toBe(REGISTRY_CONNECTIONS_PER_VERDICT);
    expect(run.tokenService).toBe(0);
  });

  it('with Insecure Skip TLS Verify the step’s connection is used too', async () => {
    const run = await verdict(scene.basic, { insecureSkipVerify: true });
    expect(run.registry).toBe(REGISTRY_CONNECTIONS_PER_VERDICT);
  });

  it(`a token registry: one to the registry, at most ${TOKEN_SERVICE_MAX_CONNECTIONS_PER_VERDICT} to the token service; the packs' pull scopes in one token request`, async () => {
    const run = await verdict(scene.token);
    expect(run.registry).toBe(REGISTRY_CONNECTIONS_PER_VERDICT);
    expect(run.tokenService).toBeLessThanOrEqual(TOKEN_SERVICE_MAX_CONNECTIONS_PER_VERDICT);
    const asked = scene.tokens.requests();
    // The first token (catalog scope), then one for every pack's pull scope together.
    expect(asked).toHaveLength(2);
    expect(asked[1]!.scopes.slice().sort()).toEqual(
      WAN_PACKS.map((p) => `repository:${WAN_BASE_PATH}/spectro-packs/archive/${p}:pull`).sort(),
    );
    expect(step(run.report, 'packs').observed).toContain(
      `pull scopes for ${WAN_PACKS.length} repositories asked in 1 token request: one more round trip to the token service`,
    );
  });
});

describe('a plain-HTTP registry', () => {
  let registry: RunningRegistry;
  let proxy: LatencyProxy;
  beforeAll(async () => {
    registry = await startRegistry({ auth: { kind: 'htpasswd', users: [WAN_USER] } });
    proxy = await startLatencyProxy({ upstreamHost: registry.host, upstreamPort: registry.port, rttMs: 0 });
  });
  afterAll(async () => {
    await proxy?.close();
    await registry?.stop();
  });

  it('the TCP step’s connection carries the requests', async () => {
    const report = await validate({ endpoint: `http://${proxy.hostPort}`, ...WAN_USER });
    expect(step(report, 'auth').status).toBe('warn'); // credentials over plain HTTP
    expect(proxy.connections()).toBe(1);
  });
});
