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
