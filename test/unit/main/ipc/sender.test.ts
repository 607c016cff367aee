import { describe, expect, it } from 'vitest';
import { trustOrigin, type Invoke } from '../../../../main/ipc/handle';
import { register } from '../../../../main/ipc/register';
import type { Services } from '../../../../main/services';
import { channels } from '../../../../shared/ipc/contract';
import { canarySecret } from '../../../fixtures/canary';

/**
 * Services that record every call made on them and return a do-nothing function, so a handler
 * that ran would leave a trace (and `register` gets the disposer it expects from onChange).
 */
function recordingServices(calls: string[]): Services {
  const node = (path: string): unknown =>
    new Proxy(() => undefined, {
      get: (_target, key) => (typeof key === 'string' ? node(path ? `${path}.${key}` : key) : undefined),
      apply: () => {
        calls.push(path);
        return () => undefined;
      },
    });
  return node('') as Services;
}

function bindAll(isTrustedSender = trustOrigin('app://regdesk')) {
  const routes = new Map<string, Invoke>();
  const calls: string[] = [];
  const warnings: string[] = [];
  register({ handle: (channel, invoke) => routes.set(channel, invoke), emit: () => undefined }, recordingServices(calls), {
    isTrustedSender,
    log: { warn: (m) => void warnings.push(m), error: (m) => void warnings.push(m) },
  });
  return { routes, calls, warnings };
}

const token = canarySecret('sender-query');

/** Senders main/index.ts must refuse when the app is served from app://regdesk. */
const UNTRUSTED_SENDERS: (string | undefined)[] = [
  undefined,
  '',
  'null',
  'not a url',
  'file:///home/admin/index.html',
  'file:///etc/passwd',
  'https://evil.example/',
  `https://evil.example/page?token=${token}`,
  'http://regdesk/',
  'https://regdesk/',
  'app://evil/',
  'app://regdesk.evil/',
  'app://evil/regdesk',
  'app://regdesk@evil/',
  'app://null/',
  'data:text/html,<script>1</script>',
  'blob:app://regdesk/6b1d1b0e-0000-4000-8000-000000000000',
  'about:blank',
  'devtools://devtools/bundled/inspector.html',
  'chrome-extension://abcdefghijklmnopabcdefghijklmnop/',
  // The browser harness and the dev server are trusted only when they are the app's origin.
  'http://127.0.0.1:5178/',
  'http://localhost:5173/',
];

describe('every IPC channel checks its sender', () => {
  const methods = Object.keys(channels) as (keyof typeof channels)[];

  it('binds every channel of the contract', () => {
    const { routes } = bindAll();
    expect([...routes.keys()].sort()).toEqual(methods.map((m) => channels[m].channel).sort());
  });

  it.each(methods)('%s refuses every untrusted sender before any service runs', async (method) => {
    const { routes, calls, warnings } = bindAll();
    const invoke = routes.get(channels[method].channel)!;
    const callsAtStart = [...calls];
    for (const sender of UNTRUSTED_SENDERS) {
      expect(await invoke(sender, undefined), String(sender)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
      expect(await invoke(sender, { id: 'r1', scope: 'system' }), String(sender)).toMatchObject({ error: { code: 'FORBIDDEN_SENDER' } });
    }
    expect(calls).toEqual(callsAtStart);
    expect(warnings).toHaveLength(UNTRUSTED_SENDERS.length * 2);
    expect(warnings.join('\n')).not.toContain(token);
  });

  it.each(methods)('%s gets past the sender check from the app itself (the refusal above is the sender check)', async (method) => {
    const { routes, calls } = bindAll();
    const callsBefore = calls.length;
    const result = await routes.get(channels[method].channel)!('app://regdesk/index.html', undefined);
    const outcome = result.ok ? 'ok' : result.error.code;
    expect(outcome).not.toBe('FORBIDDEN_SENDER');
    // Past the input schema, the handler ran and reached a service: the recording would have seen it above.
    if (outcome !== 'INVALID_INPUT') expect(calls.length).toBeGreaterThan(callsBefore);
  });

  it('trusts the harness origin only when the harness binds it as the app origin', async () => {
    const harness = 'http://127.0.0.1:5178';
    const { routes } = bindAll(trustOrigin(harness));
    const invoke = routes.get(channels.appInfo.channel)!;
    expect(await invoke(`${harness}/`, undefined)).not.toMatchObject({ error: { code: 'FORBIDDEN_SENDER' } });
    for (const sender of ['app://regdesk/index.html', 'http://127.0.0.1:5179/', 'http://localhost:5178/', undefined]) {
      expect(await invoke(sender, undefined), String(sender)).toMatchObject({ error: { code: 'FORBIDDEN_SENDER' } });
    }
  });
});
