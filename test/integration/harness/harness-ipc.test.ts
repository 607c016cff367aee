import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../harness/server';
import { basicRecord, seedStore } from '../../fixtures/registry-records';

let harness: Harness;
let dataDir: string;
let origin: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'regdesk-harness-'));
  harness = await startHarness({ dataDir });
  origin = new URL(harness.url).origin;
});
afterAll(async () => {
  await harness.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function call(channel: string, input: unknown, headers: Record<string, string> = { origin }) {
  const response = await fetch(`${origin}/ipc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ input }),
  });
  return { status: response.status, body: await response.json() };
}

describe('browser harness', () => {
  it('answers contract channels through main’s own handlers', async () => {
    const info = await call('app:info', undefined);
    expect(info.body).toMatchObject({ ok: true, data: { name: 'Pack Registry Desk', host: 'harness' } });
    expect(await call('registries:list', {})).toEqual({ status: 200, body: { ok: true, data: [] } });
  });

  it('applies the same sender check as Electron: pages of other origins are refused', async () => {
    for (const headers of [{ origin: 'http://evil.example' }, {} as Record<string, string>, { origin: `${origin}.evil` }]) {
      expect((await call('registries:list', {}, headers)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    }
  });

  it('validates input with the contract schema', async () => {
    expect((await call('registries:list', { scope: 'galaxy' })).body).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'scope' },
    });
  });

  it('has no route for channels outside the contract', async () => {
    expect(await call('fs:read', { path: '/etc/passwd' })).toMatchObject({
      status: 404,
      body: { ok: false, error: { code: 'UNKNOWN_CHANNEL' } },
    });
  });

  it('injects the bridge before the app script and serves nothing outside the renderer folder', async () => {
    const html = await (await fetch(harness.url)).text();
    expect(html.indexOf('/__harness/bridge.js')).toBeGreaterThan(0);
    expect(html.indexOf('/__harness/bridge.js')).toBeLessThan(html.indexOf('type="module"'));
    const bridge = await (await fetch(`${origin}/__harness/bridge.js`)).text();
    expect(bridge).toContain('registries:list');
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/../../package.json']) {
      expect((await fetch(`${origin}${path}`)).status, path).toBe(404);
    }
  });

  it('streams events over SSE when the store changes underneath', async () => {
    const controller = new AbortController();
    const response = await fetch(`${origin}/events`, { signal: controller.signal });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    const sawEvent = (async () => {
      while (!received.includes('event: registries:changed')) {
        const { value, done } = await reader.read();
        if (done) break;
        received += decoder.decode(value);
      }
    })();
    seedStore(dataDir, [basicRecord({ name: 'written-by-another-process' })]);
    await sawEvent;
    controller.abort();
    expect(received).toMatch(/event: registries:changed\ndata: \{\}\n\n/);
    const list = (await call('registries:list', {})).body as { data: Array<{ name: string }> };
    expect(list.data.map((r) => r.name)).toEqual(['written-by-another-process']);
  });
});
