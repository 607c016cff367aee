import type Conf from 'conf';
import { firstFreeName, nameKey } from './registry-names';
import type { StoreShape } from './store-options';

/**
 * Layout changes of the registries file, keyed by the STORE_SCHEMA_VERSION that introduced them.
 * conf runs the ones newer than the version recorded in the file, once, and rolls a failed one
 * back. They never run on a fresh file.
 *
 * Each step changes only what it recognizes and leaves anything else as it found it: a file it
 * cannot make sense of is for the schema check to reject (and move aside), not for a migration to
 * guess at.
 */
export const storeMigrations: Record<string, (store: Conf<StoreShape>) => void> = {
  /**
   * 0 → 1.0.0. The first layout (no recorded version) allowed any names; 1.0.0 makes names unique
   * within a scope, as Palette does. Later duplicates get " (2)", " (3)"… rather than being
   * dropped, and names lose surrounding spaces. Settings are added by the store's defaults.
   */
  '1.0.0': (store) => {
    const registries: unknown = store.get('registries');
    if (!Array.isArray(registries)) return;
    const takenByScope = new Map<unknown, Set<string>>();
    const renamed = registries.map((entry: unknown) => {
      if (!isObject(entry) || typeof entry['name'] !== 'string') return entry;
      const taken = takenByScope.get(entry['scope']) ?? new Set<string>();
      takenByScope.set(entry['scope'], taken);
      const name = firstFreeName(entry['name'].trim(), taken, (n) => ` (${n})`);
      taken.add(nameKey(name));
      return { ...entry, name };
    });
    // The records are checked against the schema after the migrations, not here.
    store.set('registries', renamed as StoreShape['registries']);
  },
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
