import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { AppError } from '../../../../../shared/errors';
import type { RegistrySummary } from '../../../../../shared/model/registry';
import { ApiError } from '../../../api/client';

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
  const [deleting, setDeleting] = useState(false);
  const [problem, setProblem] = useState<Pick<AppError, 'message' | 'remedy'> | null>(null);
  const n = count.format(registries.length);
  const noun = registries.length === 1 ? 'registry' : 'registries';
  const named = registries.slice(0, NAMED).map((r) => `“${r.name}”`);
  const more = registries.length - named.length;

  const close = () => {
    if (deleting) return;
    setProblem(null);
    onClose();
  };
  const confirm = async () => {
    setDeleting(true);
    setProblem(null);
    try {
      await onConfirm(registries);
      onClose();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.error : { message: error instanceof Error ? error.message : String(error) });
    } finally {
      setDeleting(false);
    }
  };

  return (
    <Modal
      opened={opened && registries.length > 0}
      onClose={close}
      title={`Delete ${n} ${noun}?`}
      closeButtonProps={{ 'aria-label': 'Close' }}
      centered
      withinPortal={false}
    >
      <Stack gap="md">
        <Text size="sm">
          {named.join(', ')}
          {more > 0 ? ` and ${count.format(more)} more` : ''} {registries.length === 1 ? 'is' : 'are'} removed from this workstation, with
          their stored passwords and AWS secret access keys. This cannot be undone.
        </Text>
        <Text size="sm" c="dimmed">
          Palette is not changed: registries already added there stay until you remove them in Palette.
        </Text>
        {problem && (
          <Alert color="red" variant="light" title={problem.message} role="alert">
            {problem.remedy}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={deleting} data-autofocus>
            Cancel
          </Button>
          <Button color="red.9" onClick={() => void confirm()} loading={deleting}>
            Delete {n} {noun}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
