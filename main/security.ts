import type { App, WebContents } from 'electron';

/**
 * Navigation, new-window and permission rules for every web contents the app creates
 * (Electron security checklist items 13–14 and 5). Takes `app` as a parameter so it can be
 * unit-tested without Electron.
 */
export function applySecurityRestrictions(app: Pick<App, 'on'>, allowedOrigins: readonly string[]): void {
  app.on('web-contents-created', (_event, contents) => restrictContents(contents, allowedOrigins));
}

export function restrictContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'session'>,
  allowedOrigins: readonly string[],
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedUrl(url, allowedOrigins)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedUrl(url, allowedOrigins)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // The app needs no camera, notifications, geolocation or clipboard-read grants.
  contents.session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}

export function isAllowedUrl(url: string, allowedOrigins: readonly string[]): boolean {
  try {
    const parsed = new URL(url);
    const origin = `${parsed.protocol}//${parsed.host}`;
    return allowedOrigins.includes(origin);
  } catch {
    return false;
  }
}
