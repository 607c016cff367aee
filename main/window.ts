import type { BrowserWindow as ElectronBrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { join } from 'node:path';
import { isSupersededLoad } from './startup';

/** Electron's BrowserWindow class, or a test double that records what it was given. */
export type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => Pick<ElectronBrowserWindow, 'once' | 'show' | 'loadURL'>;

export interface MainWindowOptions {
  preloadDir: string;
  url: string;
  dark: boolean;
  /**
   * The page did not load (a missing or damaged out/renderer, a dev server that is not running):
   * 'ready-to-show' would never come and the window would stay hidden, so the caller reports and quits.
   */
  onLoadFailed(error: unknown): void;
}

/**
 * The main window (Electron security checklist 2–4, 8, 12; the rest of the checklist lives in
 * security.ts). The class is a parameter so a unit test can capture these options; the options
 * stay an object literal inside `new BrowserWindow(…)` because that is what the static scan
 * (electronegativity) reads.
 */
export function createMainWindow<W extends BrowserWindowClass>(BrowserWindow: W, options: MainWindowOptions): InstanceType<W> {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    title: 'Pack Registry Desk',
    show: false,
    backgroundColor: options.dark ? '#1a1b1e' : '#ffffff',
    webPreferences: {
      preload: join(options.preloadDir, 'index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // A file dropped on the window must not replace the app with the file.
      navigateOnDragDrop: false,
      // Page-opened alert()/confirm() loops cannot lock the window.
      safeDialogs: true,
      enableWebSQL: false,
      spellcheck: false,
    },
  }) as InstanceType<W>;
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.url).catch((error: unknown) => {
    if (!isSupersededLoad(error)) options.onLoadFailed(error);
  });
  return window;
}
