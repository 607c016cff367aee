// The packaged app trusts no development variable and no debugging switch.
import { describe, expect, it } from 'vitest';
import { decideLaunch, type LaunchFacts } from '../../../main/launch-guards';
import { trustOrigin, type Invoke } from '../../../main/ipc/handle';
import { register } from '../../../main/ipc/register';
import { canarySecret } from '../../fixtures/canary';
import { openTestServices } from '../../fixtures/storage-services';
import { createTempDir } from '../../fixtures/temp-dir';

const APP_ORIGIN = 'app://regdesk';
const HOSTILE_PAGE = 'http://127.0.0.1:5999';
const EXE = '/opt/Pack Registry Desk/pack-registry-desk';

const facts = (over: Partial<LaunchFacts>): LaunchFacts => ({
  isPackaged: true,
  argv: [EXE],
  env: {},
  platform: 'linux',
  appOrigin: APP_ORIGIN,
  ...over,
});

describe('the renderer URL', () => {
  it('in a packaged app is always the app’s own, whatever ELECTRON_RENDERER_URL says', () => {
    expect(decideLaunch(facts({ env: { ELECTRON_RENDERER_URL: `${HOSTILE_PAGE}/` } }))).toEqual({
      ok: true,
      rendererOrigin: APP_ORIGIN,
      windowUrl: `${APP_ORIGIN}/index.html`,
    });
  });

  it('in development is the dev server, when there is one', () => {
    const dev = facts({ isPackaged: false, argv: [EXE, '--inspect=9229'], env: { ELECTRON_RENDERER_URL: 'http://localhost:5173/' } });
    expect(decideLaunch(dev)).toEqual({ ok: true, rendererOrigin: 'http://localhost:5173', windowUrl: 'http://localhost:5173/' });
    expect(decideLaunch(facts({ isPackaged: false }))).toMatchObject({ ok: true, rendererOrigin: APP_ORIGIN });
  });

  it('decides which pages may call IPC: a page named by the variable cannot ask a packaged app for secrets', async () => {
    const temp = await createTempDir('launch-guards');
    const env = openTestServices(temp.path);
    try {
      const { record } = await env.services.registries.create({
        type: 'basic',
        name: 'harbor',
        scope: 'tenant',
        endpoint: 'https://harbor.example.test',
        baseContentPath: 'spectro',
        username: 'robot',
        tls: { insecureSkipVerify: false },
      });
      const secret = canarySecret('launch');
      await env.services.secrets.set({ registryId: record.id, field: 'password' }, secret, 'persist');
      const launch = decideLaunch(facts({ env: { ELECTRON_RENDERER_URL: `${HOSTILE_PAGE}/` } }));
      if (!launch.ok) throw new Error('expected the launch to go ahead');
      // Bound exactly as main/index.ts binds them.
      const routes = new Map<string, Invoke>();
      register({ handle: (channel, invoke) => routes.set(channel, invoke), emit: () => undefined }, env.services, {
        isTrustedSender: trustOrigin(launch.rendererOrigin),
        log: { warn: () => undefined, error: () => undefined },
      });
      const input = { ids: [record.id], format: 'terraform', includeSecrets: true };
      const fromHostile = await routes.get('export:render')!(`${HOSTILE_PAGE}/index.html`, input);
      expect(fromHostile).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN_SENDER' }) });
      const fromApp = await routes.get('export:render')!(`${APP_ORIGIN}/index.html`, input);
      expect(fromApp.ok).toBe(true);
      expect(JSON.stringify([fromHostile, fromApp])).not.toContain(secret);
    } finally {
      env.close();
      await temp.cleanup();
    }
  });
});

describe('debugging switches in a packaged app', () => {
  it.each([
    ['--remote-debugging-port=9222'],
    ['--remote-debugging-port', '9222'],
    ['-remote-debugging-port=9222'],
    ['--remote-debugging-pipe'],
    ['--inspect'],
    ['--inspect=0.0.0.0:9229'],
    ['--inspect-brk=9229'],
    ['--inspect-port=9229'],
    ['--INSPECT'],
  ])('refuses %s and says why', (...args) => {
    const decision = decideLaunch(facts({ argv: [EXE, '--no-sandbox', ...args] }));
    expect(decision).toEqual({ ok: false, reason: expect.stringContaining(args[0].split('=')[0]!) });
    expect(decision).toMatchObject({ reason: expect.stringMatching(/read the stored secrets.*start it without the switch/) });
  });

  it('reads "/switch" as a switch only on Windows, as Chromium does', () => {
    expect(decideLaunch(facts({ platform: 'win32', argv: [EXE, '/Remote-Debugging-Port=9222'] })).ok).toBe(false);
    expect(decideLaunch(facts({ argv: [EXE, '/remote-debugging-port'] })).ok).toBe(true);
  });

  it('lets ordinary switches and values through, and never looks at the executable path', () => {
    const argv = ['/tmp/--inspect/pack-registry-desk', '--no-sandbox', '--lang=de', 'inspect', '--enable-logging'];
    expect(decideLaunch(facts({ argv })).ok).toBe(true);
  });
});
