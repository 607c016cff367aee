import { stat } from 'node:fs/promises';
import { defaultUserDataDir } from '../services/app-paths';
import { quoted } from './io';

/**
 * The folder `--data-dir` names, checked as a command-line value: given empty, or naming a file,
 * it is a wrong command line (exit 2), not an unreadable store. A folder that does not exist yet
 * is where a first import creates the store, as the app would; but for a command that only reads
 * (`reading`), it is most likely a typo, and answering "nothing stored" there would mislead.
 */
export async function dataDirOption(
  value: string | undefined,
  options: { reading?: boolean } = {},
): Promise<{ dir: string } | { error: string }> {
  if (value === undefined) return { dir: defaultUserDataDir() };
  if (value.trim() === '') return { error: '--data-dir needs a folder' };
  try {
    if (!(await stat(value)).isDirectory()) return { error: `--data-dir ${quoted(value)} is a file, not a folder` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') return { error: `--data-dir ${quoted(value)} cannot be used as a folder (${code ?? 'error'})` };
    if (options.reading) return { error: `--data-dir ${quoted(value)} does not exist: nothing was ever stored there` };
  }
  return { dir: value };
}
