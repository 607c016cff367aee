import { Group, Pagination, Table, Text, VisuallyHidden } from '@mantine/core';
import type { RegistrySummary } from '../../../../../shared/model/registry';
import type { RowValidations } from '../use-row-validations';
import { RegistryRow } from './RegistryRow';
import type { RowAction } from './RowActions';

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
  /** A row to mark as the one just saved. */
  highlightId?: string | undefined;
}

export function RegistriesTable({ registries, caption, page, onPageChange, runs, onAction, onCancelValidation, highlightId }: Props) {
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
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Type</Table.Th>
              <Table.Th scope="col">Endpoint</Table.Th>
              <Table.Th scope="col">Base content path</Table.Th>
              {/* Wide enough for a running validation's step and Cancel, so columns do not shift as it starts. */}
              <Table.Th scope="col" miw={300}>
                Validation
              </Table.Th>
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
