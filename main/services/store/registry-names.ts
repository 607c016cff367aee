import type { RegistryScope } from '../../../shared/model/registry';
import { FIELD_LIMITS } from '../../../shared/model/text-fields';
import { nameKey } from '../../../shared/text-rules';

/** Names are unique per scope as a person reads them: see shared/text-rules.ts. */
export { nameKey };

/** The key a name is unique by: its scope and its nameKey. Two registries with one key clash. */
export const scopedNameKey = (registry: { scope: RegistryScope; name: string }): string =>
  `${registry.scope}\u0000${nameKey(registry.name)}`;

const MAX_NAME_LENGTH = FIELD_LIMITS.name;

/**
 * The first of `base`, `base<suffix(2)>`, `base<suffix(3)>`… that is not taken, cut to fit the
 * name length limit so a long name can still be copied.
 */
export function firstFreeName(base: string, taken: ReadonlySet<string>, suffix: (n: number) => string, startAt = 1): string {
  for (let n = startAt; ; n++) {
    const tail = n === 1 ? '' : suffix(n);
    const candidate = `${base.slice(0, MAX_NAME_LENGTH - tail.length).trimEnd()}${tail}`;
    if (!taken.has(nameKey(candidate))) return candidate;
  }
}

type Named = { id: string; scope: RegistryScope; name: string };

/**
 * Which registry ids hold each scoped name key, kept up to date as a batch goes. Keys per id are
 * a set: a hand-edited file may repeat an id, and a replacement takes the place of every copy.
 */
export class ScopedNameIndex {
  private readonly idsByKey = new Map<string, Set<string>>();
  private readonly keysById = new Map<string, Set<string>>();

  constructor(registries: Iterable<Named>) {
    for (const registry of registries) this.add(registry.id, scopedNameKey(registry));
  }

  /** A registry other than `exceptId` already has this name in this scope. */
  takenByOther(registry: { scope: RegistryScope; name: string }, exceptId: string | undefined): boolean {
    const ids = this.idsByKey.get(scopedNameKey(registry));
    return ids !== undefined && [...ids].some((id) => id !== exceptId);
  }

  /** The registry now has this name, and no other. */
  set(registry: Named): void {
    for (const key of this.keysById.get(registry.id) ?? []) this.idsByKey.get(key)?.delete(registry.id);
    this.keysById.delete(registry.id);
    this.add(registry.id, scopedNameKey(registry));
  }

  private add(id: string, key: string): void {
    this.keysById.set(id, (this.keysById.get(id) ?? new Set()).add(key));
    this.idsByKey.set(key, (this.idsByKey.get(key) ?? new Set()).add(id));
  }
}
