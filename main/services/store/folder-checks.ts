import { lstatSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { StoreCheck } from '../../../shared/model/diagnostics';
import { AppErrorException, appError } from '../../../shared/errors';

const STORE_FILES = [
  { check: 'registries-file-not-link', name: 'registries.json' },
  { check: 'secrets-file-not-link', name: 'secrets.json' },
] as const;

export interface FolderCheckContext {
  platform?: NodeJS.Platform;
  /** The user this process runs as (POSIX); the folder must be theirs. */
  uid?: number | undefined;
}

/**
 * What must hold before the store files in `dataDir` are read or written. A store file that is a
 * symbolic link would have every write land on the link's target (atomic writes resolve it), and
 * on POSIX a folder another user owns or may write could have its files swapped under us. Each
 * failed check carries its remedy; the messages name no path, so diagnostics can include them.
 */
export function checkDataFolder(dataDir: string, context: FolderCheckContext = {}): StoreCheck[] {
  const platform = context.platform ?? process.platform;
  const uid = 'uid' in context ? context.uid : process.getuid?.();
  const checks: StoreCheck[] = STORE_FILES.map(({ check, name }) =>
    lstatOrUndefined(join(dataDir, name))?.isSymbolicLink()
      ? {
          check,
          ok: false,
          problem: `${name} is a symbolic link`,
          remedy: `Replace the link with the file itself (copy the target in its place), or remove it to start afresh.`,
        }
      : { check, ok: true },
  );
  if (platform === 'win32') return checks;
  // The folder itself may be a link (a data folder on another disk); what counts is the folder it leads to.
  const folder = statOrUndefined(dataDir);
  const owned = !folder || uid === undefined || folder.uid === uid;
  checks.push(
    owned
      ? { check: 'folder-owner', ok: true }
      : {
          check: 'folder-owner',
          ok: false,
          problem: 'the data folder belongs to another user',
          remedy: `Use a data folder of your own (REGDESK_USER_DATA_DIR or --data-dir), or have its owner hand it over with chown.`,
        },
  );
  const openToOthers = folder ? folder.mode & 0o022 : 0;
  checks.push(
    openToOthers === 0
      ? { check: 'folder-not-shared-writable', ok: true }
      : {
          check: 'folder-not-shared-writable',
          ok: false,
          problem: `the data folder is writable by ${openToOthers & 0o020 ? (openToOthers & 0o002 ? 'group and others' : 'its group') : 'others'} (mode ${(folder!.mode & 0o777).toString(8)})`,
          remedy: `Make it private to you: chmod 700 on the data folder.`,
        },
  );
  return checks;
}

/** Throws STORE_UNSAFE naming every failed check and its remedy; nothing is read or written past it. */
export function assertSafeDataFolder(dataDir: string, context: FolderCheckContext = {}): void {
  const failed = checkDataFolder(dataDir, context).filter((check) => !check.ok);
  if (failed.length === 0) return;
  throw new AppErrorException(
    appError('STORE_UNSAFE', {
      message: `The data folder ${dataDir} is not safe to use, so nothing was read or written: ${failed.map((c) => c.problem).join('; ')}.`,
      remedy: failed.map((c) => c.remedy).join(' '),
    }),
  );
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
