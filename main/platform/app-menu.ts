import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu, decided before the window exists. Electron installs its default menu
 * (File, Edit, View with Reload and Toggle Developer Tools, Window) unless the app sets one
 * (https://github.com/electron/electron/blob/main/lib/browser/default-menu.ts); a release build
 * must not offer Reload (it drops unsaved wizard input) or the developer tools.
 *
 * - development (`app.isPackaged` false): undefined, Electron's default menu stays, tools included;
 * - macOS release: the app menu (About, Hide, Quit), Edit (without it Cmd+C / Cmd+V do nothing in
 *   the page on macOS) and Window (Minimize, Close); nothing else;
 * - Windows and Linux release: null, no menu bar; copy and paste keys work without a menu there.
 */
export function applicationMenuTemplate(platform: NodeJS.Platform, isPackaged: boolean): MenuItemConstructorOptions[] | null | undefined {
  if (!isPackaged) return undefined;
  if (platform === 'darwin') return [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }];
  return null;
}
