import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { RegistryScope, RegistrySummary } from '../../../../shared/model/registry';
import { DEFAULT_SORT, filtersActive, matchesFilters, NO_FILTERS, sortRegistries, type ListFilters, type SortOrder } from './list-view';
import { filterRegistries, normalizeQuery, searchIndex } from './registry-search';

/**
 * What the list shows: search, filters and sort order, applied per scope. Both scopes are searched
 * and filtered so each tab can say how many of its registries match; only the open one is sorted.
 */
export function useListView(registries: readonly RegistrySummary[], scope: RegistryScope, now: number) {
  const [query, setQueryState] = useState('');
  const [filters, setFiltersState] = useState<ListFilters>(NO_FILTERS);
  const [sort, setSortState] = useState<SortOrder>(DEFAULT_SORT);
  const [page, setPage] = useState(1);
  // The keystroke shows in the field at once; the filtered table follows in a render that typing can interrupt.
  const deferredQuery = useDeferredValue(query);

  const indexByScope = useMemo(
    () => ({
      system: searchIndex(registries.filter((r) => r.scope === 'system')),
      tenant: searchIndex(registries.filter((r) => r.scope === 'tenant')),
    }),
    [registries],
  );
  const matchingByScope = useMemo(() => {
    const matching = (scope: RegistryScope) => {
      const found = filterRegistries(indexByScope[scope], deferredQuery);
      return filtersActive(filters) ? found.filter((r) => matchesFilters(r, filters, now)) : found;
    };
    return { system: matching('system'), tenant: matching('tenant') };
  }, [indexByScope, deferredQuery, filters, now]);
  // The store lists by name already: the default order costs nothing.
  const shown = useMemo(
    () => (sort === DEFAULT_SORT ? matchingByScope[scope] : sortRegistries(matchingByScope[scope], sort)),
    [matchingByScope, scope, sort],
  );

  // Each change of what is shown starts again from the first page.
  const setQuery = useCallback((value: string) => {
    setQueryState(value);
    setPage(1);
  }, []);
  const setFilters = useCallback((value: ListFilters) => {
    setFiltersState(value);
    setPage(1);
  }, []);
  const setSort = useCallback((value: SortOrder) => {
    setSortState(value);
    setPage(1);
  }, []);

  return {
    query,
    deferredQuery,
    setQuery,
    filters,
    setFilters,
    sort,
    setSort,
    page,
    setPage,
    totals: { system: indexByScope.system.length, tenant: indexByScope.tenant.length },
    matchingByScope,
    shown,
    now,
    /** Search text or a filter narrows the list: tab counts then count matches. */
    narrowed: normalizeQuery(deferredQuery) !== '' || filtersActive(filters),
  };
}
export type ListView = ReturnType<typeof useListView>;
