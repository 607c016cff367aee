import type { StoreLock } from './store-lock';

/**
 * Runs store mutations one at a time, in call order. conf's own writes are synchronous, but our
 * operations span awaits (encrypting a secret, checking the registry it belongs to, deleting a
 * registry and then its secrets), and two of them interleaving would lose one's change or leave a
 * secret for a registry that was deleted in between.
 */
export interface WriteQueue {
  run<T>(task: () => T | Promise<T>): Promise<T>;
}

/**
 * With a lock, each task also holds the data folder's inter-process lock (store-lock.ts): the
 * queue orders this process's changes, the lock orders them against other processes'.
 */
export function createWriteQueue(lock?: StoreLock): WriteQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => T | Promise<T>): Promise<T> {
      const result = tail.then(() => (lock ? lock.hold(task) : task()));
      // A failed task must not stop the ones queued after it.
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
