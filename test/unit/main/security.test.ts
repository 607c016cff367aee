import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { applySecurityRestrictions, isAllowedUrl, restrictContents } from '../../../main/security';

/** Just enough of WebContents to observe what the restrictions do; Electron cannot run here. */
function fakeContents() {
  const emitter = new EventEmitter();
  const state: { openHandler?: (details: { url: string }) => { action: string }; permission?: string } = {};
  const contents = {
    on: (event: string, listener: (...args: unknown[]) => void) => emitter.on(event, listener),
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
      state.openHandler = handler;
    },
    session: {
      setPermissionRequestHandler: (handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void) => {
        handler(null, 'media', (granted) => (state.permission = granted ? 'granted' : 'denied'));
      },
      setPermissionCheckHandler: () => undefined,
    },
  };
  const navigate = (event: string, url: string) => {
    let prevented = false;
    emitter.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents, state, navigate };
}

describe('security restrictions', () => {
  const allowed = ['app://regdesk'];

  it('blocks navigation and redirects away from the app origin', () => {
    const { contents, navigate } = fakeContents();
    restrictContents(contents as never, allowed);
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-navigate', 'app://regdesk/index.html#/x')).toBe(false);
  });

  it('denies new windows, webviews and every permission request', () => {
    const { contents, state, navigate } = fakeContents();
    restrictContents(contents as never, allowed);
    expect(state.openHandler?.({ url: 'app://regdesk/' })).toEqual({ action: 'deny' });
    expect(navigate('will-attach-webview', '')).toBe(true);
    expect(state.permission).toBe('denied');
  });

  it('applies to every web contents the app creates', () => {
    const app = new EventEmitter();
    applySecurityRestrictions(app as never, allowed);
    const { contents, navigate } = fakeContents();
    app.emit('web-contents-created', {}, contents);
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
  });

  it('parses URLs rather than matching prefixes', () => {
    expect(isAllowedUrl('app://regdesk.evil/', allowed)).toBe(false);
    expect(isAllowedUrl('not a url', allowed)).toBe(false);
    expect(isAllowedUrl('http://localhost:5173/', ['http://localhost:5173'])).toBe(true);
  });
});
