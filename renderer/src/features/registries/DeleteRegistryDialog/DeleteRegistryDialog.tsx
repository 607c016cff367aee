import { Text } from '@mantine/core';
import { useState, type RefObject } from 'react';
import type { RegistrySummary } from '../../../../../shared/model/registry';
import { ConfirmDialog } from '../../../components/ConfirmDialog/ConfirmDialog';

interface Props {
  /** The registry to delete; kept while the dialog closes so its title does not blank during the exit transition. */
  registry: RegistrySummary | undefined;
  opened: boolean;
  onConfirm: (registry: RegistrySummary) => Promise<void>;
  onClose: () => void;
  /** Where the focus goes after a delete: the button that opened the dialog went with its row. */
  focusAfterDelete: RefObject<HTMLElement | null>;
}

function actionsButtonSelector(registry: RegistrySummary | undefined): string {
  return `button[aria-label="${CSS.escape(`Actions for ${registry?.name ?? ''}`)}"]`;
}

/**
 * Deleting cannot be undone and takes the stored secrets with it (the password or AWS secret key
 * exist nowhere else on this workstation), so the dialog names both. Cancel has the focus: Enter
 * straight after opening must not delete.
 */
export function DeleteRegistryDialog({ registry, opened, onConfirm, onClose, focusAfterDelete }: Props) {
  const [deletedId, setDeletedId] = useState<string | null>(null);
  const deleted = registry !== undefined && deletedId === registry.id;

  return (
    <ConfirmDialog
      opened={opened && registry !== undefined}
      onClose={onClose}
      title={registry ? `Delete “${registry.name}”?` : ''}
      confirmLabel="Delete registry"
      onConfirm={async () => {
        if (!registry) return;
        await onConfirm(registry);
        setDeletedId(registry.id);
      }}
      // The menu item that opened the dialog is gone with its menu: after a cancel, focus returns to
      // the row's actions button (named after the registry), after a delete to the given element.
      returnFocus={false}
      onExitTransitionEnd={() =>
        deleted ? focusAfterDelete.current?.focus() : document.querySelector<HTMLElement>(actionsButtonSelector(registry))?.focus()
      }
    >
      {registry && (
        <>
          <Text size="sm">
            The {registry.scope} registry “{registry.name}” ({registry.endpoint}) is removed from this workstation, and so are its stored
            secrets: its password or AWS secret access key is deleted too. This cannot be undone.
          </Text>
          <Text size="sm" c="dimmed">
            Palette is not changed: a registry already added there stays until you remove it in Palette.
          </Text>
        </>
      )}
    </ConfirmDialog>
  );
}
