import type Conf from 'conf';
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { asFoundOptions, readOnlyStore, type NewerLayout } from './store-layout';
import type { FileStoreOptions } from './store-options';

/** Builds the conf instance: plain conf in tests, the harness and the CLI; electron-store in the app. */
export type OpenConf = <T extends Record<string, unknown>>(options: FileStoreOptions<T>) => Conf<T>;

export interface CheckedStore<T extends Record<string, unknown>> {
  store: Conf<T>;
  /** Set when the file found at start was unusable and was moved aside; the store then starts empty. */
  quarantined?: { backupPath: string; reason: string };
}

/** atomically's temp files younger than this may belong to a write in progress in another process. */
const STALE_TEMP_FILE_MS = 60_000;

/**
 * Opens a conf store the way the app must: a file that is not JSON, not an object, cannot be
 * migrated or does not match the schema is moved aside, byte for byte, next to itself with a
 * timestamped name, and the store starts empty. Nothing is ever silently overwritten or half-read
 * (an admin who loses registries without a word stops trusting the tool).
 */
export function openCheckedStore<T extends Record<string, unknown>>(
  options: FileStoreOptions<T>,
  schema: z.ZodType,
  open: OpenConf,
  now: () => Date = () => new Date(),
  /** Set when this file or its sibling was written by a newer version: then it is only read, as it is. */
  newer?: NewerLayout,
): CheckedStore<T> {
  if (newer) return { store: readOnlyStore(open(asFoundOptions(options)), newer) };
  const path = storeFilePath(options);
  removeStaleTempFiles(path, now().getTime());
  const original = readIfPresent(path);
  const reason = original && findProblem(original, options, schema, open);
  if (!original || !reason) return { store: open(options) };
  const backupPath = moveAside(path, original, now());
  return { store: open(options), quarantined: { backupPath, reason } };
}

export function storeFilePath(options: { cwd: string; configName: string; fileExtension?: string }): string {
  return join(options.cwd, `${options.configName}.${options.fileExtension ?? 'json'}`);
}

function readIfPresent(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    // Only a missing file means "fresh start"; a file we may not read is not ours to move.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Why the file cannot be used, or undefined when it can. Never quotes the content: it may be secret. */
function findProblem<T extends Record<string, unknown>>(
  original: Buffer,
  options: FileStoreOptions<T>,
  schema: z.ZodType,
  open: OpenConf,
): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(original.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    return 'not valid JSON';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'not a JSON object';
  let probe: Conf<T>;
  try {
    // Opening runs the migrations, which rewrite the file; the backup keeps the original bytes.
    probe = open({ ...options, watch: false });
  } catch (error) {
    return `could not be migrated (${error instanceof Error ? error.name : 'error'})`;
  }
  const result = schema.safeParse(probe.store);
  if (result.success) return undefined;
  const where = result.error.issues[0]?.path.join('.');
  return `does not match the expected layout${where ? ` at ${where}` : ''}`;
}

/** Writes the original bytes beside the file under a name that says when, then removes the file. */
function moveAside(path: string, original: Buffer, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const stem = join(dirname(path), `${basename(path).replace(/\.json$/, '')}.unreadable-${stamp}`);
  for (let attempt = 1; ; attempt++) {
    const backupPath = `${stem}${attempt === 1 ? '' : `-${attempt}`}.json`;
    try {
      // 'wx': never replace an earlier backup, which may be the only copy of someone's data.
      writeFileSync(backupPath, original, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    unlinkSync(path);
    return backupPath;
  }
}

/**
 * A process killed between atomically's temp write and its rename leaves `<file>.tmp-<stamp>`
 * behind. The real file is intact, so these are only litter, but they hold copies of the data.
 */
function removeStaleTempFiles(path: string, nowMs: number): void {
  const directory = dirname(path);
  const prefix = `${basename(path)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const file = join(directory, name);
    try {
      if (nowMs - statSync(file).mtimeMs > STALE_TEMP_FILE_MS) unlinkSync(file);
    } catch {
      // Gone already, or not ours to remove: either way nothing to do.
    }
  }
}
