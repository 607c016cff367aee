import type Conf from 'conf';
import { readFileSync } from 'node:fs';
import { AppErrorException, appError } from '../../../shared/errors';
import type { FileStoreOptions } from './store-options';

/** A store file whose recorded layout is newer than the one this version writes. */
export interface NewerLayout {
  file: string;
  found: string;
  supported: string;
}

/**
 * The layout version conf recorded in the file (`__internal__.migrations.version`), if it is
 * newer than `supported`. This version's schema would drop the fields it does not know on the
 * next write, and conf would record the older version over the newer one, so such a file must
 * only be read.
 */
export function newerLayout(path: string, supported: string): NewerLayout | undefined {
  let found: unknown;
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
    found = (parsed as { __internal__?: { migrations?: { version?: unknown } } }).__internal__?.migrations?.version;
  } catch {
    // Missing or damaged: not a newer layout; opening it decides what it is.
    return undefined;
  }
  if (typeof found !== 'string') return undefined;
  const theirs = versionParts(found);
  const ours = versionParts(supported);
  if (!theirs || !ours) return undefined;
  const difference = theirs.map((part, i) => part - ours[i]!).find((d) => d !== 0) ?? 0;
  return difference > 0 ? { file: path, found, supported } : undefined;
}

function versionParts(version: string): [number, number, number] | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

/** Options that open a file as it is: no migrations, no version to record, no defaults to fill in (each of them writes). */
export function asFoundOptions<T extends Record<string, unknown>>(options: FileStoreOptions<T>): FileStoreOptions<T> {
  const { migrations: _migrations, projectVersion: _version, defaults: _defaults, ...rest } = options;
  return rest;
}

const WRITES = new Set<PropertyKey>(['set', 'delete', 'clear', 'reset', 'appendToArray']);

/** The store with every write refused (STORE_READ_ONLY); reads and change events work as before. */
export function readOnlyStore<T extends Record<string, unknown>>(store: Conf<T>, layout: NewerLayout): Conf<T> {
  const refuse = () => {
    throw new AppErrorException(
      appError('STORE_READ_ONLY', {
        message: `The saved registries were written by a newer version of Pack Registry Desk (store layout ${layout.found}; this version writes ${layout.supported}), so this version only reads them.`,
      }),
    );
  };
  return new Proxy(store, {
    get(target, property) {
      if (WRITES.has(property)) return refuse;
      // conf keeps its state in private fields, which only the real instance can reach.
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    set(target, property, value) {
      if (property === 'store') refuse();
      return Reflect.set(target, property, value, target);
    },
  });
}
