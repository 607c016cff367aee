import { homedir } from 'node:os';
import { join } from 'node:path';

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
