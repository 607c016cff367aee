import { stat } from 'node:fs/promises';
import { defaultUserDataDir } from '../services/app-paths';
import { quoted } from './io';

/**
 * The folder `--data-dir` names, checked as a command-line value: given empty, or naming a file,
 * it is a wrong command line (exit 2), not an unreadable store. A folder that does not exist yet
 * is fine: it is where a first import creates the store, as the app would.
 */
export async function dataDirOption(value: string | undefined): Promise<{ dir: string } | { error: string }> {
  if (value === undefined) return { dir: defaultUserDataDir() };
  if (value.trim() === '') return { error: '--data-dir needs a folder' };
  try {
    if (!(await stat(value)).isDirectory()) return { error: `--data-dir ${quoted(value)} is a file, not a folder` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') return { error: `--data-dir ${quoted(value)} cannot be used as a folder (${code ?? 'error'})` };
  }
  return { dir: value };
}
