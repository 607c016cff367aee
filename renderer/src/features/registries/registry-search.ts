import type { RegistrySummary } from '../../../../shared/model/registry';

/** The search text as matched: trimmed and lower-cased, so "  Harbor" finds "harbor-packs". */
export function normalizeQuery(query: string): string {
  return query.trim().toLowerCase();
}

/**
 * Registries whose name, endpoint or base content path contains the query, ignoring case.
 * The haystack is built once per registry list (see `searchIndex`), not once per keystroke.
 */
export function filterRegistries(index: readonly IndexedRegistry[], query: string): RegistrySummary[] {
  const needle = normalizeQuery(query);
  if (needle === '') return index.map((entry) => entry.registry);
  return index.filter((entry) => entry.haystack.includes(needle)).map((entry) => entry.registry);
}

export interface IndexedRegistry {
  registry: RegistrySummary;
  haystack: string;
}

/** One lower-cased string per registry; the separator keeps a match from spanning two fields. */
export function searchIndex(registries: readonly RegistrySummary[]): IndexedRegistry[] {
  return registries.map((registry) => ({
    registry,
    haystack: [registry.name, registry.endpoint, registry.baseContentPath].join('\u0000').toLowerCase(),
  }));
}
