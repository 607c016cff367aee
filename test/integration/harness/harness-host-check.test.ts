// The harness answers only requests addressed to itself: a page that rebinds its own DNS name to
// 127.0.0.1 makes the browser send Host (and Origin) naming that page's site, and must read
// nothing, not the event stream (host names, endpoints, user names) nor any IPC answer.
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../harness/server';
import { basicRecord, seedStore } from '../../fixtures/registry-records';

let harness: Harness;
let dataDir: string;
let port: number;
const SECRET_NAME = 'internal-harbor-only-we-know';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'regdesk-harness-host-'));
  seedStore(dataDir, [basicRecord({ name: SECRET_NAME, username: 'robot$internal' })]);
  harness = await startHarness({ dataDir });
  port = Number(new URL(harness.url).port);
});
afterAll(async () => {
  await harness.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A raw request with exactly the Host and Origin given (fetch would not let us set Host). Ends the stream after the headers for /events. */
function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, setHost: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      if (response.headers['content-type']?.startsWith('text/event-stream')) {
        resolve({ status: response.statusCode ?? 0, body: '' });
        response.destroy();
        return;
      }
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const listBody = JSON.stringify({ input: {} });
const json = { 'content-type': 'application/json' };

describe('the harness and foreign Host or Origin headers', () => {
  it('refuses a DNS-rebinding page on every route: events, IPC, the page and its assets', async () => {
    const rebound = `rebind.attacker.test:${port}`;
    const attempts = [
      raw('GET', '/events', { host: rebound }),
      raw('GET', '/events', { host: rebound, origin: `http://${rebound}` }),
      raw('POST', '/ipc/registries:list', { ...json, host: rebound, origin: `http://${rebound}` }, listBody),
      raw('GET', '/', { host: rebound }),
      raw('GET', '/__harness/bridge.js', { host: rebound }),
      raw('POST', '/__harness/next-pick', { ...json, host: rebound }, JSON.stringify({ canceled: true })),
    ];
    for (const result of await Promise.all(attempts)) {
      expect(result.status).toBe(403);
      expect(result.body).not.toContain(SECRET_NAME);
    }
  });

  it('refuses loopback names on another port, other names and a missing Host', async () => {
    for (const host of [`127.0.0.1:${port + 1}`, '127.0.0.1', `127.0.0.1.attacker.test:${port}`, `0.0.0.0:${port}`]) {
      expect((await raw('GET', '/events', { host })).status, host).toBe(403);
    }
    // Node refuses an HTTP/1.1 request without Host (400) before our check sees it: refused either way.
    expect([400, 403]).toContain((await raw('GET', '/events', {})).status);
  });

  it('refuses a foreign Origin even with our own Host', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${port}.evil.example`, `https://127.0.0.1:${port}`, 'null']) {
      const events = await raw('GET', '/events', { host: `127.0.0.1:${port}`, origin });
      expect(events.status, origin).toBe(403);
      const ipc = await raw('POST', '/ipc/registries:list', { ...json, host: `127.0.0.1:${port}`, origin }, listBody);
      expect(ipc.status, origin).toBe(403);
      expect(JSON.parse(ipc.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
      expect(ipc.body).not.toContain(SECRET_NAME);
    }
  });

  it('answers its own page, by any loopback name it is bound to', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      expect((await raw('GET', '/events', { host })).status, host).toBe(200);
      expect((await raw('GET', '/', { host })).status, host).toBe(200);
    }
    const own = `http://127.0.0.1:${port}`;
    const list = await raw('POST', '/ipc/registries:list', { ...json, host: `127.0.0.1:${port}`, origin: own }, listBody);
    expect(list.status).toBe(200);
    expect(list.body).toContain(SECRET_NAME);
  });
});
