import { expiryWarnings } from '../../../../shared/expiry';
import type { RegistrySummary, RegistryType, ValidationState } from '../../../../shared/model/registry';
import { tlsPosture, type TlsPosture } from '../../../../shared/tls-posture';

export type SortColumn = 'name' | 'type' | 'endpoint' | 'state' | 'validatedAt';
export interface SortOrder {
  column: SortColumn;
  direction: 'ascending' | 'descending';
}
export const DEFAULT_SORT: SortOrder = { column: 'name', direction: 'ascending' };

/** 'expiring': a CA or registry certificate expired or expiring soon (shared/expiry.ts). */
export type TlsFilter = TlsPosture | 'expiring';
export interface ListFilters {
  state: ValidationState | 'all';
  type: RegistryType | 'all';
  tls: TlsFilter | 'all';
}
export const NO_FILTERS: ListFilters = { state: 'all', type: 'all', tls: 'all' };

export function filtersActive(filters: ListFilters): boolean {
  return filters.state !== 'all' || filters.type !== 'all' || filters.tls !== 'all';
}

export function matchesFilters(registry: RegistrySummary, filters: ListFilters, now: number): boolean {
  if (filters.state !== 'all' && registry.validation.state !== filters.state) return false;
  if (filters.type !== 'all' && registry.type !== filters.type) return false;
  if (filters.tls === 'all') return true;
  if (filters.tls === 'expiring') return expiryWarnings(registry.tls, now).length > 0;
  return tlsPosture(registry.endpoint, registry.tls) === filters.tls;
}

// Worst first, so sorting by state brings what needs attention to the top.
const STATE_ORDER: readonly ValidationState[] = ['failed', 'stale', 'never', 'validated'];
const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function compare(a: RegistrySummary, b: RegistrySummary, column: SortColumn): number {
  switch (column) {
    case 'name':
      return byName.compare(a.name, b.name);
    case 'type':
      return a.type.localeCompare(b.type);
    case 'endpoint':
      return byName.compare(a.endpoint, b.endpoint);
    case 'state':
      return rank(a.validation.state) - rank(b.validation.state);
    case 'validatedAt':
      // ISO dates sort as text; never validated sorts before the oldest.
      return (a.validation.at ?? '').localeCompare(b.validation.at ?? '');
  }
}

function rank(state: ValidationState): number {
  const index = STATE_ORDER.indexOf(state);
  return index === -1 ? STATE_ORDER.length : index;
}

/** A sorted copy; ties keep name order, so equal states or types read alphabetically. */
export function sortRegistries(registries: readonly RegistrySummary[], order: SortOrder): RegistrySummary[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  return [...registries].sort((a, b) => sign * compare(a, b, order.column) || byName.compare(a.name, b.name));
}

/** A click on the sorted column turns its direction; on another column sorts by it, ascending. */
export function nextSort(current: SortOrder, column: SortColumn): SortOrder {
  if (current.column !== column) return { column, direction: 'ascending' };
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

/** The registries "Validate all stale or never validated" runs. */
export function needsValidation(registry: RegistrySummary): boolean {
  return registry.validation.state === 'stale' || registry.validation.state === 'never';
}
