import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { lock, lockSync } from 'proper-lockfile';
import { AppErrorException, appError } from '../../../shared/errors';
import { assertSafeDataFolder } from './folder-checks';

/** The lock is a folder beside the store files (proper-lockfile takes it with an atomic mkdir). */
export const STORE_LOCK_NAME = 'store.lock';

export interface StoreLockOptions {
  /**
   * A lock not refreshed for this long belongs to a process that died holding it and is taken
   * over. proper-lockfile refreshes a held lock every stale/2 and never accepts less than 2 s.
   */
  staleMs?: number;
  /** How long a writer waits for the lock before giving up without changing anything. */
  waitMs?: number;
  /** Where a lost lock is reported (the event loop was blocked longer than staleMs). */
  log?: Pick<Console, 'warn'>;
}

export interface StoreLock {
  /** Runs the task while this process alone may change the folder's store files. */
  hold<T>(task: () => T | Promise<T>): Promise<T>;
  /** The same, blocking; for opening the store, which is synchronous and may migrate the file. */
  holdSync<T>(task: () => T): T;
}

const DEFAULT_STALE_MS = 5_000;
/** Longer than staleMs, so a lock left by a crashed process is recovered within one wait. */
const DEFAULT_WAIT_MS = 12_000;

/**
 * One writer at a time per data folder, across processes: the app, `regdesk import`, a second
 * app instance. Every read-modify-write of registries.json and secrets.json runs inside `hold`,
 * so no process writes back a list it read before another process's change; and each one first
 * checks the folder is safe (folder-checks.ts), refusing with STORE_UNSAFE otherwise.
 */
export function createStoreLock(dataDir: string, options: StoreLockOptions = {}): StoreLock {
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
  const log = options.log ?? console;
  const lockOptions = {
    lockfilePath: join(dataDir, STORE_LOCK_NAME),
    stale: staleMs,
    // The folder may not exist before the first write, and a link in its path must not make two names for one lock.
    realpath: false,
    onCompromised: (error: Error) =>
      log.warn(`The store lock in ${dataDir} was lost (${error.message}); another process may have taken it.`),
  };
  const busy = () =>
    new AppErrorException(
      appError('STORE_BUSY', {
        message: `Another Pack Registry Desk process kept the data folder ${dataDir} busy for ${Math.round(waitMs / 1000)} seconds, so nothing was changed.`,
      }),
    );
  const prepare = () => mkdirSync(dataDir, { recursive: true, mode: 0o700 });

  return {
    async hold<T>(task: () => T | Promise<T>): Promise<T> {
      prepare();
      const deadline = Date.now() + waitMs;
      let release: (() => Promise<void>) | undefined;
      while (!release) {
        try {
          release = await lock(dataDir, lockOptions);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
          if (Date.now() >= deadline) throw busy();
          await new Promise((resolve) => setTimeout(resolve, backoffMs()));
        }
      }
      try {
        // Checked under the lock, right before the change: a link planted since the start is not written through.
        assertSafeDataFolder(dataDir);
        return await task();
      } finally {
        await release().catch(() => undefined);
      }
    },

    holdSync<T>(task: () => T): T {
      prepare();
      const deadline = Date.now() + waitMs;
      let release: (() => void) | undefined;
      while (!release) {
        try {
          release = lockSync(dataDir, lockOptions);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
          if (Date.now() >= deadline) throw busy();
          // Opening happens once, at start: blocking a few milliseconds here is cheaper than an async start-up path.
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, backoffMs());
        }
      }
      try {
        assertSafeDataFolder(dataDir);
        return task();
      } finally {
        try {
          release();
        } catch {
          // Already released because it was compromised: reported through onCompromised.
        }
      }
    },
  };
}

/** Randomized so that waiting writers do not retry in step. */
function backoffMs(): number {
  return 5 + Math.random() * 25;
}
