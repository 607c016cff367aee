// Budget: HTTP requests per verdict, counted twice: by the engine (`onRequestCount`)
// and by what the servers received (a counting front before the real registry, and the token
// server's own log). Empty registries, so the verdict is auth + base-path check and nothing more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPki, type Pki } from '../../fixtures/pki';
import { startRegistry, type RunningRegistry } from '../../fixtures/registry';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';
import { startTokenServer, type RunningTokenServer } from '../../fixtures/token-server';
import { step, validate } from '../validation/validate-support';
import { BASIC_VERDICT_MAX_REQUESTS, TOKEN_VERDICT_MAX_REQUESTS } from './budgets';
import { startCountingFront, type CountingFront } from './counting-front';

const ALICE = { username: 'alice', password: 'budget-password' };
let dir: TempDir;
let pki: Pki;
let basic: RunningRegistry;
let tokens: RunningTokenServer;
let tokenRegistry: RunningRegistry;
let basicFront: CountingFront;
let tokenFront: CountingFront;

beforeAll(async () => {
  dir = await createTempDir('request-budget');
  pki = await createPki(dir.path);
  const tls = { certificate: pki.leaf.fullchain, key: pki.leaf.key };
  tokens = await startTokenServer({ users: [ALICE], tls });
  [basic, tokenRegistry] = await Promise.all([
    startRegistry({ tls, auth: { kind: 'htpasswd', users: [ALICE] } }),
    startRegistry({ tls, auth: tokens.registryAuth }),
  ]);
  [basicFront, tokenFront] = await Promise.all([
    startCountingFront({ upstream: basic.endpoint, upstreamCaPem: pki.root.certPem, tls }),
    startCountingFront({ upstream: tokenRegistry.endpoint, upstreamCaPem: pki.root.certPem, tls }),
  ]);
});
afterAll(async () => {
  await Promise.all([basicFront?.close(), tokenFront?.close(), basic?.stop(), tokenRegistry?.stop(), tokens?.close()]);
  await dir?.cleanup();
});

async function verdict(endpoint: string) {
  let engineCount = -1;
  const report = await validate({ endpoint, ...ALICE, tls: { caPem: pki.root.certPem } }, { onRequestCount: (n) => (engineCount = n) });
  // A verdict, not an early stop: authenticated, and the base path was really checked.
  expect(step(report, 'auth').status).toBe('ok');
  expect(step(report, 'base-path').status).not.toMatch(/^(skipped|fail|pending)$/);
  return { report, engineCount };
}

describe('HTTP requests per verdict', () => {
  it(`a Basic registry over TLS: at most ${BASIC_VERDICT_MAX_REQUESTS}, base-path check included`, async () => {
    basicFront.clear();
    const { engineCount } = await verdict(basicFront.endpoint);
    const received = basicFront.requests();
    expect(received.some((r) => r.authorization === 'basic' && r.status === 200 && r.path.startsWith('/v2/_catalog'))).toBe(true);
    expect(engineCount).toBe(received.length);
    expect(received.length).toBeLessThanOrEqual(BASIC_VERDICT_MAX_REQUESTS);
  });

  it(`a token registry over TLS: at most ${TOKEN_VERDICT_MAX_REQUESTS}, token exchange and base-path check included`, async () => {
    tokenFront.clear();
    tokens.clearRequests();
    const { engineCount } = await verdict(tokenFront.endpoint);
    const atRegistry = tokenFront.requests();
    const atTokenServer = tokens.requests();
    expect(atTokenServer.every((r) => r.status === 200)).toBe(true);
    expect(atRegistry.some((r) => r.authorization === 'bearer' && r.status === 200 && r.path.startsWith('/v2/_catalog'))).toBe(true);
    const received = atRegistry.length + atTokenServer.length;
    expect(engineCount).toBe(received);
    expect(
      received,
      `registry: ${atRegistry.map((r) => `${r.method} ${r.path} → ${r.status}`).join(', ')}; token server: ${atTokenServer.length}`,
    ).toBeLessThanOrEqual(TOKEN_VERDICT_MAX_REQUESTS);
  });
});
