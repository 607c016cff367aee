import type { BrowserWindowConstructorOptions } from 'electron';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMainWindow, type BrowserWindowClass } from '../../../main/window';

/** Stands in for Electron's BrowserWindow: records what it was built with and what it was asked. */
function recordingWindowClass(loadOutcome: () => Promise<void> = async () => {}) {
  const record: { options?: BrowserWindowConstructorOptions; loaded: string[]; shown: number; readyListeners: (() => void)[] } = {
    loaded: [],
    shown: 0,
    readyListeners: [],
  };
  class FakeWindow {
    constructor(options: BrowserWindowConstructorOptions) {
      record.options = options;
    }
    once(event: string, listener: () => void) {
      if (event === 'ready-to-show') record.readyListeners.push(listener);
      return this;
    }
    show() {
      record.shown += 1;
    }
    async loadURL(url: string) {
      record.loaded.push(url);
      return loadOutcome();
    }
  }
  return { BrowserWindow: FakeWindow as unknown as BrowserWindowClass, record };
}

function created(dark = false) {
  const { BrowserWindow, record } = recordingWindowClass();
  createMainWindow(BrowserWindow, { preloadDir: '/app/out/preload', url: 'app://regdesk/index.html', dark, onLoadFailed: () => {} });
  if (!record.options) throw new Error('no window was created');
  return { options: record.options, record };
}

describe('createMainWindow', () => {
  it('isolates the page: sandbox, context isolation, no Node anywhere, no webview', () => {
    const { webPreferences } = created().options;
    expect(webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
    });
  });

  it('keeps the web security model on and experiments off', () => {
    const { webPreferences } = created().options;
    expect(webPreferences).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      enableWebSQL: false,
    });
  });

  it('enables no Blink feature, adds no command-line switch and keeps the default session', () => {
    const { webPreferences } = created().options;
    for (const key of ['enableBlinkFeatures', 'additionalArguments', 'partition', 'session', 'plugins'] as const) {
      expect(webPreferences, key).not.toHaveProperty(key);
    }
  });

  it('loads the sandboxed CommonJS preload from the given folder', () => {
    expect(created().options.webPreferences?.preload).toBe(join('/app/out/preload', 'index.cjs'));
  });

  it('loads the given URL and shows the window only when it is ready to paint', () => {
    const { record, options } = created();
    expect(options.show).toBe(false);
    expect(record.loaded).toEqual(['app://regdesk/index.html']);
    expect(record.shown).toBe(0);
    record.readyListeners.forEach((listener) => listener());
    expect(record.shown).toBe(1);
  });

  it('paints the background in the system colour scheme so the first frame does not flash', () => {
    expect(created(true).options.backgroundColor).toBe('#1a1b1e');
    expect(created(false).options.backgroundColor).toBe('#ffffff');
  });
});

/** A rejection shaped as Electron's loadURL makes it (lib/browser/api/web-contents.ts, _awaitNextLoad). */
function loadError(code: string, errno: number): Error {
  return Object.assign(new Error(`${code} (${errno}) loading 'app://regdesk/index.html'`), {
    code,
    errno,
    url: 'app://regdesk/index.html',
  });
}

describe('createMainWindow when the page does not load', () => {
  async function failures(error: Error): Promise<unknown[]> {
    const seen: unknown[] = [];
    const { BrowserWindow } = recordingWindowClass(() => Promise.reject(error));
    createMainWindow(BrowserWindow, { preloadDir: '/p', url: 'app://regdesk/index.html', dark: false, onLoadFailed: (e) => seen.push(e) });
    await new Promise((resolve) => setImmediate(resolve));
    return seen;
  }

  it('reports the failure (the hidden window would never show)', async () => {
    const error = loadError('ERR_FILE_NOT_FOUND', -6);
    expect(await failures(error)).toEqual([error]);
  });

  it('does not report a load that another navigation replaced (ERR_ABORTED)', async () => {
    expect(await failures(loadError('ERR_ABORTED', -3))).toEqual([]);
  });
});
