import { Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useAction } from '../../api/use-action';
import { Dialog } from '../Dialog/Dialog';
import { ProblemAlert } from '../ProblemAlert/ProblemAlert';

type DialogProps = Omit<Parameters<typeof Dialog>[0], 'children' | 'title' | 'onClose'>;

interface Props extends DialogProps {
  title: string;
  /** Names what the button does ("Delete 3 registries"), never a bare "OK". */
  confirmLabel: string;
  /** Closes the dialog when it resolves; a rejection stays in the dialog as its problem. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A destructive step asked once: Cancel has the focus, so Enter straight after opening does not
 * confirm; while it runs, neither button nor Escape can interrupt it halfway.
 */
export function ConfirmDialog({ title, confirmLabel, onConfirm, onClose, children, ...dialog }: Props) {
  const action = useAction();
  const close = () => {
    if (action.busy) return;
    action.setProblem(null);
    onClose();
  };
  const confirm = async () => {
    const done = await action.run(async () => {
      await onConfirm();
      return true;
    });
    if (done) onClose();
  };
  return (
    <Dialog title={title} onClose={close} {...dialog}>
      <Stack gap="md">
        {children}
        <ProblemAlert problem={action.problem} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={action.busy} data-autofocus>
            Cancel
          </Button>
          <Button color="red.9" onClick={() => void confirm()} loading={action.busy}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
