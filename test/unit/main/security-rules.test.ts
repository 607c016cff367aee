// The edges of the window's rules that mutation testing showed untested: custom link rules, what
// is logged, several app origins, and the exact length limits.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { describeUrlForLog, externalLinkFor, isAppUrl, restrictContents } from '../../../main/security';

function setUp(externalLinks?: Array<{ origin: `https://${string}` }>) {
  const events = new EventEmitter();
  const opened: string[] = [];
  const logged: string[] = [];
  let request: ((wc: unknown, permission: string, callback: (granted: boolean) => void, details: object) => void) | undefined;
  const contents = {
    on: (event: string, listener: (...args: unknown[]) => void) => events.on(event, listener),
    setWindowOpenHandler: () => undefined,
    session: {
      setPermissionRequestHandler: (handler: typeof request) => void (request = handler),
      setPermissionCheckHandler: () => undefined,
      setDevicePermissionHandler: () => undefined,
    },
  };
  restrictContents(contents as never, {
    appOrigins: ['app://regdesk'],
    openExternal: async (url) => void opened.push(url),
    log: { warn: (message) => void logged.push(message) },
    ...(externalLinks ? { externalLinks } : {}),
  });
  const emit = (event: string, url: string) => events.emit(event, { url, preventDefault: () => undefined });
  const ask = (permission: string, requestingUrl: string) => {
    let answer: boolean | undefined;
    request!({}, permission, (granted) => (answer = granted), { requestingUrl, isMainFrame: true });
    return answer;
  };
  return { opened, logged, emit, ask };
}

describe('restrictContents', () => {
  it('opens links by the rules it is given, not the built-in list', () => {
    const { opened, emit } = setUp([{ origin: 'https://intranet.example' }]);
    emit('will-navigate', 'https://intranet.example/guide');
    emit('will-navigate', 'https://docs.spectrocloud.com/');
    expect(opened).toEqual(['https://intranet.example/guide']);
  });

  it('logs each refusal by its kind and where it pointed', () => {
    const { logged, emit } = setUp();
    emit('will-frame-navigate', 'https://evil.example/a?t=1');
    emit('will-redirect', 'https://evil.example/b');
    expect(logged).toEqual(['frame navigation refused: https://evil.example/a', 'redirect refused: https://evil.example/b']);
  });

  it('logs a refused permission, and nothing for a granted one', () => {
    const { logged, ask } = setUp();
    expect(ask('clipboard-sanitized-write', 'app://regdesk/index.html')).toBe(true);
    expect(logged).toEqual([]);
    expect(ask('geolocation', 'app://regdesk/index.html')).toBe(false);
    expect(logged).toEqual(['permission refused: geolocation for app://regdesk/index.html']);
  });
});

describe('limits', () => {
  it('knows any of several app origins', () => {
    expect(isAppUrl('http://localhost:5173/index.html', ['app://regdesk', 'http://localhost:5173'])).toBe(true);
  });

  it('allows a link of exactly 2048 characters, not one more', () => {
    const base = 'https://docs.spectrocloud.com/';
    expect(externalLinkFor(`${base}${'a'.repeat(2048 - base.length)}`)).toHaveLength(2048);
    expect(externalLinkFor(`${base}${'a'.repeat(2049 - base.length)}`)).toBeUndefined();
  });

  it('describes app URLs like web URLs, and cuts a description at 200 characters exactly', () => {
    expect(describeUrlForLog('app://regdesk/index.html?x=1')).toBe('app://regdesk/index.html');
    expect(describeUrlForLog('http://evil.example/a?x=1')).toBe('http://evil.example/a');
    const base = 'https://evil.example/';
    expect(describeUrlForLog(`${base}${'a'.repeat(200 - base.length)}`)).toBe(`${base}${'a'.repeat(200 - base.length)}`);
    expect(describeUrlForLog(`${base}${'a'.repeat(201 - base.length)}`)).toBe(`${base}${'a'.repeat(200 - base.length)}…`);
  });
});
