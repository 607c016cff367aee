import { Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { nextSort, type SortColumn, type SortOrder } from '../list-view';
import classes from './RegistriesTable.module.css';

interface SortButtonProps {
  column: SortColumn;
  label: string;
  sort: SortOrder;
  onSort: (order: SortOrder) => void;
}

/** A column's sort button: a click sorts by it, a second click reverses; the arrow shows which way. */
export function SortButton({ column, label, sort, onSort }: SortButtonProps) {
  const active = sort.column === column;
  const Icon = !active ? IconArrowsSort : sort.direction === 'ascending' ? IconArrowUp : IconArrowDown;
  return (
    <UnstyledButton className={classes.sort} onClick={() => onSort(nextSort(sort, column))}>
      {label}
      <Icon size={14} aria-hidden stroke={active ? 2.2 : 1.4} />
    </UnstyledButton>
  );
}

/**
 * A column header sorted by one or more keys (the validation column sorts by state or by date);
 * `aria-sort` on the header says how the table is sorted, as the APG sortable table does
 * (https://www.w3.org/WAI/ARIA/apg/patterns/table/examples/sortable-table/).
 */
export function SortHeader({
  columns,
  sort,
  onSort,
  miw,
}: {
  columns: Array<Pick<SortButtonProps, 'column' | 'label'>>;
  sort: SortOrder;
  onSort: (order: SortOrder) => void;
  miw?: number;
}) {
  const active = columns.some((c) => c.column === sort.column);
  return (
    <Table.Th scope="col" aria-sort={active ? sort.direction : undefined} miw={miw}>
      <span className={classes.inline}>
        {columns.map((c) => (
          <SortButton key={c.column} {...c} sort={sort} onSort={onSort} />
        ))}
      </span>
    </Table.Th>
  );
}
