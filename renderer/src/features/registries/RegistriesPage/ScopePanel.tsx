import { Button, EmptyState, Text } from '@mantine/core';
import { IconPackages, IconSearch } from '@tabler/icons-react';
import type { RegistryScope, RegistrySummary } from '../../../../../shared/model/registry';
import { RegistriesTable } from '../RegistriesTable/RegistriesTable';
import type { RowAction } from '../RegistriesTable/RowActions';
import type { ListView } from '../use-list-view';
import type { RowValidations } from '../use-row-validations';

const count = new Intl.NumberFormat();
const scopeTitle: Record<RegistryScope, string> = { system: 'System', tenant: 'Tenant' };
const scopeHelp: Record<RegistryScope, string> = {
  system: 'System registries are added in the system console and are available to every tenant.',
  tenant: 'Tenant registries are added in Tenant Settings and are visible to one tenant only.',
};

interface Props {
  scope: RegistryScope;
  view: ListView;
  runs: RowValidations;
  onAction: (action: RowAction, registry: RegistrySummary) => void;
  onCancelValidation: (registryId: string) => void;
  selected: ReadonlySet<string>;
  onSelect: (registryId: string, selected: boolean) => void;
  onSelectMany: (registryIds: readonly string[], selected: boolean) => void;
  /** Clears the search and the filters. */
  onShowAll: () => void;
  /** The row just saved, marked in the table. */
  highlightId?: string | undefined;
}

/** One scope's tab: its empty state, its no-match state, or the matching registries. */
export function ScopePanel({
  scope,
  view,
  runs,
  onAction,
  onCancelValidation,
  selected,
  onSelect,
  onSelectMany,
  onShowAll,
  highlightId,
}: Props) {
  const { shown, totals, deferredQuery } = view;
  const query = deferredQuery.trim();
  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        {scopeHelp[scope]}
      </Text>
      {totals[scope] === 0 ? (
        <EmptyState
          py="xl"
          icon={<IconPackages size={32} aria-hidden />}
          withIndicatorBackground
          title={`No ${scope} pack registries yet`}
          description="Add an OCI registry with Basic or AWS ECR authentication, validate it from this workstation, then export it for Palette."
        />
      ) : shown.length === 0 ? (
        <EmptyState
          py="xl"
          icon={<IconSearch size={32} aria-hidden />}
          withIndicatorBackground
          title={query ? `No ${scope} registries match “${query}”` : `No ${scope} registries match the filters`}
        >
          <EmptyState.Description>Search looks at names, endpoints and base content paths, ignoring case.</EmptyState.Description>
          <EmptyState.Actions>
            <Button variant="default" onClick={onShowAll}>
              {query ? 'Clear search' : 'Clear filters'}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      ) : (
        <>
          {view.narrowed && (
            <Text size="sm" mb="xs" role="status">
              {count.format(shown.length)} of {count.format(totals[scope])} {scope} registries match
            </Text>
          )}
          <RegistriesTable
            registries={shown}
            caption={`${scopeTitle[scope]} pack registries`}
            page={view.page}
            onPageChange={view.setPage}
            runs={runs}
            onAction={onAction}
            onCancelValidation={onCancelValidation}
            sort={view.sort}
            onSort={view.setSort}
            selected={selected}
            onSelect={onSelect}
            onSelectAll={(on) =>
              onSelectMany(
                shown.map((r) => r.id),
                on,
              )
            }
            now={view.now}
            highlightId={highlightId}
          />
        </>
      )}
    </>
  );
}
