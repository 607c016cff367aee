// The one confirm dialog behind both deletes: Cancel has the focus (Enter straight after opening
// must not delete), a refusal stays in the dialog with its remedy, and only success closes it.
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AppErrorException } from '../../../shared/app-error-exception';
import { ConfirmDialog } from '../../../renderer/src/components/ConfirmDialog/ConfirmDialog';
import { render } from '../render';

function open(onConfirm: () => Promise<void>) {
  const onClose = vi.fn();
  render(
    <main>
      <ConfirmDialog opened title="Delete “harbor”?" confirmLabel="Delete registry" onConfirm={onConfirm} onClose={onClose}>
        <p>It is removed from this workstation.</p>
      </ConfirmDialog>
    </main>,
  );
  return onClose;
}

describe('ConfirmDialog', () => {
  it('gives Cancel the focus, and Cancel closes without confirming', async () => {
    const onConfirm = vi.fn(async () => undefined);
    const onClose = open(onConfirm);
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    await waitFor(() => expect(document.activeElement).toBe(cancel));
    act(() => cancel.click());
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it("keeps the dialog open with main's sentence and remedy when the confirm is refused", async () => {
    const onClose = open(async () => {
      throw new AppErrorException({
        code: 'STORE_READ_ONLY',
        message: 'Saved registries are read-only.',
        remedy: 'Update Pack Registry Desk.',
      });
    });
    act(() => screen.getByRole('button', { name: 'Delete registry' }).click());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Update Pack Registry Desk.');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('cannot be cancelled while it runs, and closes once the confirm succeeds', async () => {
    let finish = () => undefined as void;
    const onClose = open(() => new Promise<void>((resolve) => (finish = resolve)));
    act(() => screen.getByRole('button', { name: 'Delete registry' }).click());
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    await waitFor(() => expect(cancel.hasAttribute('disabled')).toBe(true));
    act(() => cancel.click());
    expect(onClose).not.toHaveBeenCalled();
    await act(async () => finish());
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
  });
});
