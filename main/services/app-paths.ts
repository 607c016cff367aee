import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

export const PRODUCT_NAME = 'Pack Registry Desk';

/**
 * The folder Electron's `app.getPath('userData')` gives the desktop app, computed without
 * Electron so that `regdesk` reads and writes the same store.
 */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), PRODUCT_NAME);
}

/** Names another data folder for the app and `regdesk` alike: a portable install, a test's own folder. */
export const DATA_DIR_VARIABLE = 'REGDESK_USER_DATA_DIR';

/**
 * What `REGDESK_USER_DATA_DIR` asks for, decided once for the app and the command line: unset or
 * empty means the default folder; an absolute path is used as given; a relative one is refused.
 * Resolving it would tie the store to the folder each process was started from (a desktop
 * launcher's is not the shell's), so the app and `regdesk` could use different stores unnoticed.
 */
export function dataDirFromEnvironment(env: NodeJS.ProcessEnv): { dir: string | undefined } | { error: string } {
  const value = env[DATA_DIR_VARIABLE];
  if (value === undefined || value.trim() === '') return { dir: undefined };
  if (!isAbsolute(value)) {
    return {
      error:
        `${DATA_DIR_VARIABLE} must be an absolute path, not ${JSON.stringify(value)}: a relative one would name a different folder ` +
        `for the app and for regdesk, depending on where each is started. Set it to the full path, such as ${JSON.stringify(resolve(value))}.`,
    };
  }
  return { dir: value };
}
