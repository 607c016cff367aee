import { nameKey } from '../../../shared/text-rules';

/** Names are unique per scope as a person reads them: see shared/text-rules.ts. */
export { nameKey };

const MAX_NAME_LENGTH = 128;

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
