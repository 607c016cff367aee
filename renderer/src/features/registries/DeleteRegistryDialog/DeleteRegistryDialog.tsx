import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type RefObject } from 'react';
import type { AppError } from '../../../../../shared/errors';
import type { RegistrySummary } from '../../../../../shared/model/registry';
import { ApiError } from '../../../api/client';

interface Props {
  /** The registry to delete; kept while the dialog closes so its title does not blank during the exit transition. */
  registry: RegistrySummary | undefined;
  opened: boolean;
  onConfirm: (registry: RegistrySummary) => Promise<void>;
  onClose: () => void;
  /** Where the focus goes after a delete: the button that opened the dialog went with its row. */
  focusAfterDelete: RefObject<HTMLElement | null>;
}

/**
 * Deleting cannot be undone and takes the stored secrets with it (the password or AWS secret key
 * exist nowhere else on this workstation), so the dialog names both. Cancel has the focus: Enter
 * straight after opening must not delete.
 */
function actionsButtonSelector(registry: RegistrySummary | undefined): string {
  return `button[aria-label="${CSS.escape(`Actions for ${registry?.name ?? ''}`)}"]`;
}

export function DeleteRegistryDialog({ registry, opened, onConfirm, onClose, focusAfterDelete }: Props) {
  const [deleting, setDeleting] = useState(false);
  const [problem, setProblem] = useState<Pick<AppError, 'message' | 'remedy'> | null>(null);
  const [deletedId, setDeletedId] = useState<string | null>(null);
  const deleted = registry !== undefined && deletedId === registry.id;

  const close = () => {
    if (deleting) return;
    setProblem(null);
    onClose();
  };

  const confirm = async (target: RegistrySummary) => {
    setDeleting(true);
    setProblem(null);
    try {
      await onConfirm(target);
      setDeletedId(target.id);
      onClose();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.error : { message: error instanceof Error ? error.message : String(error) });
    } finally {
      setDeleting(false);
    }
  };

  return (
    <Modal
      opened={opened && registry !== undefined}
      onClose={close}
      title={registry ? `Delete “${registry.name}”?` : ''}
      closeButtonProps={{ 'aria-label': 'Close' }}
      centered
      // The menu item that opened the dialog is gone with its menu: after a cancel, focus returns to
      // the row's actions button (named after the registry), after a delete to the given element.
      returnFocus={false}
      onExitTransitionEnd={() =>
        deleted ? focusAfterDelete.current?.focus() : document.querySelector<HTMLElement>(actionsButtonSelector(registry))?.focus()
      }
      // Inside the main landmark: portalled to <body>, the modal's <header> would count as a second banner (axe).
      withinPortal={false}
    >
      {registry && (
        <Stack gap="md">
          <Text size="sm">
            The {registry.scope} registry “{registry.name}” ({registry.endpoint}) is removed from this workstation, and so are its stored
            secrets: its password or AWS secret access key is deleted too. This cannot be undone.
          </Text>
          <Text size="sm" c="dimmed">
            Palette is not changed: a registry already added there stays until you remove it in Palette.
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
            <Button color="red.9" onClick={() => void confirm(registry)} loading={deleting}>
              Delete registry
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
