import { stat } from 'node:fs/promises';
import { DATA_DIR_VARIABLE, dataDirFromEnvironment, defaultUserDataDir } from '../services/app-paths';
import { quoted } from './io';

/** `--data-dir DIR`, for every command that reads or writes the store (see dataDirOption). */
export const DATA_DIR_OPTION = { 'data-dir': { type: 'string' } } as const;

/**
 * The data folder a command uses: `--data-dir` first, then `REGDESK_USER_DATA_DIR` (as the app
 * reads it), then the app's default folder. A named folder is checked as a command-line value:
 * given empty, relative in the variable, or naming a file, it is a wrong command line (exit 2),
 * not an unreadable store. A folder that does not exist yet is where a first import creates the
 * store, as the app would; but for a command that only reads (`reading`), it is most likely a
 * typo, and answering "nothing stored" there would mislead.
 */
export async function dataDirOption(
  value: string | undefined,
  options: { reading?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<{ dir: string } | { error: string }> {
  if (value === undefined) {
    const env = options.env ?? process.env;
    const setting = dataDirFromEnvironment(env);
    if ('error' in setting) return setting;
    if (setting.dir === undefined) return { dir: defaultUserDataDir(process.platform, env) };
    return checkFolder(setting.dir, DATA_DIR_VARIABLE, options.reading);
  }
  if (value.trim() === '') return { error: '--data-dir needs a folder' };
  return checkFolder(value, '--data-dir', options.reading);
}

async function checkFolder(value: string, source: string, reading: boolean | undefined): Promise<{ dir: string } | { error: string }> {
  try {
    if (!(await stat(value)).isDirectory()) return { error: `${source} ${quoted(value)} is a file, not a folder` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') return { error: `${source} ${quoted(value)} cannot be used as a folder (${code ?? 'error'})` };
    if (reading) return { error: `${source} ${quoted(value)} does not exist: nothing was ever stored there` };
  }
  return { dir: value };
}
