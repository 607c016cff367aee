import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { Dialog } from '../../../components/Dialog/Dialog';
import type { SaveMode } from './save-registry';
import { useKeepFocus } from '../keep-focus';

interface Props {
  saving: SaveMode | null;
  validatedNow: boolean;
  onSave: (mode: SaveMode) => void;
}

/**
 * Save as draft and Confirm, in a bar that stays at the bottom of the window: on a small screen it
 * is on the first screen with the verdict, and in the tab order it comes right after the
 * validation result, so the admin reaches Confirm in two keystrokes once the verdict is in.
 */
export function WizardActions({ saving, validatedNow, onSave }: Props) {
  const draftRef = useKeepFocus<HTMLButtonElement>(saving === 'draft');
  const confirmRef = useKeepFocus<HTMLButtonElement>(saving === 'confirm');
  return (
    <Paper
      withBorder
      px="md"
      py="sm"
      pos="sticky"
      bottom={0}
      style={{ zIndex: 2, borderLeft: 0, borderRight: 0, borderBottom: 0, borderRadius: 0 }}
      role="group"
      aria-label="Save"
    >
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Text size="xs" c="dimmed" id="confirm-hint">
          {validatedNow
            ? 'Confirm saves the registry on this workstation and records its validation.'
            : 'Confirm is enabled once the current values are validated.'}
        </Text>
        <Group gap="sm" wrap="nowrap">
          <Button ref={draftRef} variant="default" onClick={() => onSave('draft')} loading={saving === 'draft'} disabled={saving !== null}>
            Save as draft
          </Button>
          {/* Disabled with its reason beside it (aria-describedby), never silently inert. */}
          <Button
            ref={confirmRef}
            onClick={() => onSave('confirm')}
            loading={saving === 'confirm'}
            disabled={!validatedNow || saving !== null}
            aria-describedby="confirm-hint"
          >
            Confirm
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

interface LeaveProps {
  opened: boolean;
  onStay: () => void;
  onDiscard: () => void;
  onSaveDraft: () => void;
}

/** Asked when the admin leaves the form with changes that are not saved. Stay has the focus: Enter keeps the work. */
export function LeaveDialog({ opened, onStay, onDiscard, onSaveDraft }: LeaveProps) {
  return (
    <Dialog opened={opened} onClose={onStay} title="Leave without saving?" closeLabel="Stay on the form">
      <Stack gap="md">
        <Text size="sm">The values in this form are not saved. Discarding them cannot be undone.</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDiscard}>
            Discard changes
          </Button>
          <Button variant="default" onClick={onSaveDraft}>
            Save as draft
          </Button>
          <Button onClick={onStay} data-autofocus>
            Stay
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
