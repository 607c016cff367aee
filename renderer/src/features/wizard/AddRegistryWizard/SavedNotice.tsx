import { Alert, Button, Group, Text } from '@mantine/core';
import { IconCircleCheck, IconCloudUpload } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import type { SavedRegistry } from './save-registry';

interface Props {
  saved: SavedRegistry;
  /** Absent while the list has not loaded the registry yet. */
  onPublish: (() => void) | undefined;
  onClose: () => void;
}

/**
 * Palette's own Confirm creates the registry in Palette; ours saves it on this workstation only.
 * After a save the list says so and offers the next step, and takes the focus the wizard had.
 */
export function SavedNotice({ saved, onPublish, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, [saved.id]);
  const confirmed = saved.mode === 'confirm';
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      role="status"
      color="green"
      variant="light"
      icon={<IconCircleCheck aria-hidden />}
      title={
        confirmed
          ? `“${saved.name}” is saved on this workstation, not yet in Palette. Publish now?`
          : `“${saved.name}” is saved as a draft on this workstation, not yet in Palette.`
      }
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onClose}
      aria-label="Saved"
    >
      <Group gap="sm" justify="space-between">
        <Text size="sm">
          {confirmed
            ? `Validated and listed under ${saved.scope} registries. Publishing creates or updates it in Palette.`
            : `Listed under ${saved.scope} registries as never validated. Validate it from the list before publishing it.`}
        </Text>
        {confirmed && onPublish && (
          <Button size="xs" leftSection={<IconCloudUpload size={14} aria-hidden />} onClick={onPublish}>
            Publish to Palette…
          </Button>
        )}
      </Group>
    </Alert>
  );
}
