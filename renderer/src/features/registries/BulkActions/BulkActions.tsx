import { Button, Group, Text } from '@mantine/core';
import { IconFileExport, IconRefresh, IconTrash } from '@tabler/icons-react';
import type { BatchProgress } from '../use-row-validations';

const count = new Intl.NumberFormat();

interface Props {
  /** Ticked registries the list shows (search and filters applied). */
  selectedCount: number;
  /** Registries of both scopes whose verdict is stale or missing. */
  needingValidation: number;
  batch: BatchProgress | null;
  onValidateSelected: () => void;
  onValidateNeeding: () => void;
  onExport: () => void;
  onDelete: () => void;
  onClear: () => void;
}

/** What to do with the ticked rows, and "validate all stale or never validated" whatever is ticked. */
export function BulkActions(props: Props) {
  const { selectedCount, needingValidation, batch } = props;
  const running = batch !== null;
  return (
    <Group gap="sm" justify="space-between" wrap="wrap" role="group" aria-label="Bulk actions">
      <Group gap="sm">
        {selectedCount > 0 ? (
          <>
            <Text size="sm" fw={600}>
              {count.format(selectedCount)} selected
            </Text>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconRefresh size={14} aria-hidden />}
              disabled={running}
              onClick={props.onValidateSelected}
            >
              Validate selected
            </Button>
            <Button size="xs" variant="default" leftSection={<IconFileExport size={14} aria-hidden />} onClick={props.onExport}>
              Export selected…
            </Button>
            <Button size="xs" variant="default" leftSection={<IconTrash size={14} aria-hidden />} onClick={props.onDelete}>
              Delete selected…
            </Button>
            <Button size="xs" variant="subtle" onClick={props.onClear}>
              Clear selection
            </Button>
          </>
        ) : null}
      </Group>
      <Group gap="sm">
        {batch && (
          <Text size="sm" role="status">
            Validating: {count.format(batch.done)} of {count.format(batch.total)} done
          </Text>
        )}
        <Button size="xs" variant="light" disabled={running || needingValidation === 0} onClick={props.onValidateNeeding}>
          Validate all stale or never validated ({count.format(needingValidation)})
        </Button>
      </Group>
    </Group>
  );
}
