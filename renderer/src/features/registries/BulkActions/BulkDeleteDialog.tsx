import { Text } from '@mantine/core';
import type { RegistrySummary } from '../../../../../shared/model/registry';
import { ConfirmDialog } from '../../../components/ConfirmDialog/ConfirmDialog';

const NAMED = 5;
const count = new Intl.NumberFormat();

interface Props {
  /** Kept while the dialog closes, so its title does not change during the exit transition. */
  registries: readonly RegistrySummary[];
  opened: boolean;
  /** Deletes them one by one; rejects with the first problem, naming how many were deleted before it. */
  onConfirm: (registries: readonly RegistrySummary[]) => Promise<void>;
  onClose: () => void;
}

/**
 * Several registries at once, and their secrets with them: the title says how many, the text names
 * the first few, and Cancel has the focus, as in the one-registry dialog.
 */
export function BulkDeleteDialog({ registries, opened, onConfirm, onClose }: Props) {
  const n = count.format(registries.length);
  const noun = registries.length === 1 ? 'registry' : 'registries';
  const named = registries.slice(0, NAMED).map((r) => `“${r.name}”`);
  const more = registries.length - named.length;

  return (
    <ConfirmDialog
      opened={opened && registries.length > 0}
      onClose={onClose}
      title={`Delete ${n} ${noun}?`}
      confirmLabel={`Delete ${n} ${noun}`}
      onConfirm={() => onConfirm(registries)}
    >
      <Text size="sm">
        {named.join(', ')}
        {more > 0 ? ` and ${count.format(more)} more` : ''} {registries.length === 1 ? 'is' : 'are'} removed from this workstation, with
        their stored passwords and AWS secret access keys. This cannot be undone.
      </Text>
      <Text size="sm" c="dimmed">
        Palette is not changed: registries already added there stay until you remove them in Palette.
      </Text>
    </ConfirmDialog>
  );
}
