import { Group, Pagination, Table, Text, VisuallyHidden } from '@mantine/core';
import type { RegistrySummary } from '../../../../../shared/model/registry';
import type { SortOrder } from '../list-view';
import type { RowValidations } from '../use-row-validations';
import { RegistryRow } from './RegistryRow';
import type { RowAction } from './RowActions';
import classes from './RegistriesTable.module.css';
import { SortHeader } from './SortHeader';

/**
 * Rows per page. Drawing 1,000 rows took 3–5 s and a search keystroke up to 3 s on a 2-core
 * machine (each row holds a menu, a badge and a popover); a page of 50 keeps both well under the
 * budgets in test/e2e/registries-scale.test.ts, and search finds any registry in one step.
 */
export const PAGE_SIZE = 50;

const count = new Intl.NumberFormat();

interface Props {
  registries: readonly RegistrySummary[];
  caption: string;
  /** 1-based; clamped here, so a page emptied by a delete shows the last one left. */
  page: number;
  onPageChange: (page: number) => void;
  runs: RowValidations;
  onAction: (action: RowAction, registry: RegistrySummary) => void;
  onCancelValidation: (registryId: string) => void;
  sort: SortOrder;
  onSort: (order: SortOrder) => void;
  selected: ReadonlySet<string>;
  onSelect: (registryId: string, selected: boolean) => void;
  /** Ticks or clears every registry in `registries`, on every page. */
  onSelectAll: (selected: boolean) => void;
  now: number;
  /** A row to mark as the one just saved. */
  highlightId?: string | undefined;
}

export function RegistriesTable(props: Props) {
  const {
    registries,
    caption,
    page,
    onPageChange,
    runs,
    onAction,
    onCancelValidation,
    sort,
    onSort,
    selected,
    onSelect,
    now,
    highlightId,
  } = props;
  const pages = Math.max(1, Math.ceil(registries.length / PAGE_SIZE));
  const current = Math.min(Math.max(page, 1), pages);
  const first = (current - 1) * PAGE_SIZE;
  const rows = registries.slice(first, first + PAGE_SIZE);
  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        {/* Striping and hover are drawn by RegistryRow's own classes, from the variables Table sets. */}
        <Table verticalSpacing="sm" aria-label={caption} styles={{ th: { whiteSpace: 'nowrap' } }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" className={classes.select}>
                <SelectAll registries={registries} selected={selected} onSelectAll={props.onSelectAll} />
              </Table.Th>
              <SortHeader columns={[{ column: 'name', label: 'Name' }]} sort={sort} onSort={onSort} />
              <SortHeader columns={[{ column: 'type', label: 'Type' }]} sort={sort} onSort={onSort} />
              <SortHeader columns={[{ column: 'endpoint', label: 'Endpoint' }]} sort={sort} onSort={onSort} />
              <Table.Th scope="col">Base content path</Table.Th>
              {/* Wide enough for a running validation's step and Cancel, so columns do not shift as it starts. */}
              <SortHeader
                columns={[
                  { column: 'state', label: 'Validation' },
                  { column: 'validatedAt', label: 'Last validated' },
                ]}
                sort={sort}
                onSort={onSort}
                miw={300}
              />
              <Table.Th scope="col">TLS</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((registry) => (
              <RegistryRow
                key={registry.id}
                registry={registry}
                run={runs.get(registry.id)}
                onAction={onAction}
                onCancel={onCancelValidation}
                selected={selected.has(registry.id)}
                onSelect={onSelect}
                now={now}
                highlighted={registry.id === highlightId}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Group justify="space-between" mt="sm" component="nav" aria-label={`${caption}, pages`}>
          <Text size="sm" c="dimmed">
            {count.format(first + 1)}–{count.format(first + rows.length)} of {count.format(registries.length)}
          </Text>
          <Pagination
            total={pages}
            value={current}
            onChange={onPageChange}
            size="sm"
            getItemProps={(n) => ({ 'aria-label': `Page ${n}` })}
            getControlProps={(control) => ({
              'aria-label': control === 'previous' ? 'Previous page' : control === 'next' ? 'Next page' : `${control} page`,
            })}
          />
        </Group>
      )}
    </>
  );
}

/** Ticks every registry the search and filters leave in this scope, not only this page's. */
function SelectAll({ registries, selected, onSelectAll }: Pick<Props, 'registries' | 'selected' | 'onSelectAll'>) {
  const ticked = registries.reduce((n, r) => n + (selected.has(r.id) ? 1 : 0), 0);
  const all = ticked === registries.length;
  return (
    <input
      type="checkbox"
      aria-label={`Select all ${count.format(registries.length)} registries shown`}
      checked={all}
      ref={(input) => {
        if (input) input.indeterminate = ticked > 0 && !all;
      }}
      onChange={(e) => onSelectAll(e.currentTarget.checked)}
    />
  );
}
