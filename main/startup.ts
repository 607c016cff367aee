import type { App, Dialog } from 'electron';
import { AppErrorException, appError, type AppError } from '../shared/errors';
import { printable } from './cli/io';

/**
 * The Electron parts start-up needs, passed in so this module runs (and is tested) without
 * Electron, as security.ts takes `app`.
 */
export interface StartupShell {
  app: Pick<App, 'whenReady' | 'releaseSingleInstanceLock' | 'exit'>;
  dialog: Pick<Dialog, 'showErrorBox'>;
  log: { error(message: string): void };
}

/** What the user reads when start-up fails: the catalogue's sentence and remedy, and the cause. */
export interface StartupProblem extends AppError {
  cause: string;
}

/**
 * Runs `start` once Electron is ready. Electron only logs an unhandled rejection in the main
 * process, so without the catch a throwing `start` (an unreadable store, EACCES or EISDIR) would
 * leave a process with no window that still holds the single-instance lock, and every later launch
 * would quit at once.
 */
export function startWhenReady(shell: StartupShell, start: () => void | Promise<void>): Promise<void> {
  return shell.app
    .whenReady()
    .then(start)
    .catch((error: unknown) => failStartup(shell, error));
}

/**
 * Tells the user why the app stops, then stops it with a non-zero status. `dialog.showErrorBox`
 * may be called before `ready` and, on Linux before `ready`, prints to stderr instead
 * (https://github.com/electron/electron/blob/main/docs/api/dialog.md#dialogshowerrorboxtitle-content).
 * `app.exit` skips `before-quit` and `will-quit`, which expect a started app; the lock is released
 * first so the next launch is not turned away while this process winds down.
 */
export function failStartup(shell: StartupShell, error: unknown): void {
  const problem = startupProblem(error);
  shell.log.error(`start-up failed [${problem.code}]: ${problem.cause}`);
  shell.dialog.showErrorBox(problem.message, `${problem.cause}\n\n${problem.remedy ?? ''}\n\n[${problem.code}]`);
  shell.app.releaseSingleInstanceLock();
  shell.app.exit(1);
}

/** File-system failures that mean the data folder (or a file in it) is not usable as it stands. */
const DATA_FOLDER_ERRNOS = new Set(['EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EROFS', 'ENOSPC', 'ELOOP', 'EEXIST']);

export function startupProblem(error: unknown): StartupProblem {
  if (error instanceof AppErrorException) return { ...error.appError, cause: printable(error.appError.message) };
  if (isLoadError(error)) return { ...appError('WINDOW_LOAD_FAILED'), cause: printable(error.message) };
  if (error instanceof Error) {
    const errno = (error as NodeJS.ErrnoException).code;
    // Node's file-system messages name the call and the path ("EACCES: permission denied, open '…'").
    if (errno && DATA_FOLDER_ERRNOS.has(errno)) {
      const { path } = error as NodeJS.ErrnoException;
      const where = path && !error.message.includes(path) ? ` (${path})` : '';
      return { ...appError('DATA_FOLDER_UNUSABLE'), cause: printable(`${error.message}${where}`) };
    }
    return { ...appError('STARTUP_FAILED'), cause: printable(`${error.name}: ${error.message}`) };
  }
  return { ...appError('STARTUP_FAILED'), cause: 'An unexpected value was thrown.' };
}

/**
 * `webContents.loadURL` rejects with an Error carrying the Chromium net error as `code`
 * ("ERR_FILE_NOT_FOUND") and `errno` (negative)
 * (https://github.com/electron/electron/blob/main/lib/browser/api/web-contents.ts, `_awaitNextLoad`).
 */
export function isLoadError(error: unknown): error is Error & { code: string; errno: number } {
  if (!(error instanceof Error)) return false;
  const { code, errno } = error as Error & { code?: unknown; errno?: unknown };
  return typeof code === 'string' && code.startsWith('ERR_') && typeof errno === 'number' && errno < 0;
}

/**
 * ERR_ABORTED (-3) is what `loadURL` rejects with when another main-frame navigation replaces the
 * one it awaited: the page moved on, nothing failed.
 */
export function isSupersededLoad(error: unknown): boolean {
  return isLoadError(error) && error.errno === -3;
}
