import type { BaseWindow, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createFilePicker, type DialogParts } from '../../../../main/platform/file-picker';
import { createFileSaver } from '../../../../main/platform/file-saver';
import { currentSender, withSender } from '../../../../main/platform/ipc-sender';
import { CERTIFICATE_PICK_REQUEST } from '../../../../main/services/file-picker';

/** Records which window each native dialog was attached to (undefined: none). */
function recordingDialog() {
  const parents: Array<BaseWindow | undefined> = [];
  const dialog: DialogParts['dialog'] = {
    showOpenDialog: async (...args: [BaseWindow, OpenDialogOptions] | [OpenDialogOptions]) => {
      parents.push(args.length === 2 ? args[0] : undefined);
      return { canceled: false, filePaths: ['/home/u/ca.pem'] };
    },
    showSaveDialog: async (...args: [BaseWindow, SaveDialogOptions] | [SaveDialogOptions]) => {
      parents.push(args.length === 2 ? args[0] : undefined);
      return { canceled: false, filePath: '/home/u/export.json' };
    },
  };
  return { dialog, parents };
}

describe('native dialogs attach to the window that asked', () => {
  const senderWindow = { id: 'window of the sender' } as unknown as BaseWindow;
  const sender = { id: 7 };
  const windows = new Map<object, BaseWindow>([[sender, senderWindow]]);
  // What main/index.ts does: the sender of the IPC call being served, through BrowserWindow.fromWebContents.
  const ownerWindow = () => {
    const current = currentSender();
    return current ? windows.get(current) : undefined;
  };

  it('the open dialog, even after an await inside the call (focus may have moved by then)', async () => {
    const { dialog, parents } = recordingDialog();
    const picker = createFilePicker({ dialog, ownerWindow });
    const result = await withSender(sender, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return picker.pickFile(CERTIFICATE_PICK_REQUEST);
    });
    expect(result).toEqual({ canceled: false, path: '/home/u/ca.pem' });
    expect(parents).toEqual([senderWindow]);
  });

  it('the save dialog too', async () => {
    const { dialog, parents } = recordingDialog();
    const saver = createFileSaver({ dialog, ownerWindow });
    await withSender(sender, () => saver.saveFile({ title: 'Save', defaultName: 'x.json', filters: [] }));
    expect(parents).toEqual([senderWindow]);
  });

  it('outside an IPC call there is no owner, and the dialog opens unattached rather than failing', async () => {
    const { dialog, parents } = recordingDialog();
    await createFilePicker({ dialog, ownerWindow }).pickFile(CERTIFICATE_PICK_REQUEST);
    expect(parents).toEqual([undefined]);
  });

  it('concurrent calls each see their own sender', async () => {
    const other = { id: 8 };
    const seen = await Promise.all(
      [sender, other].map((s) =>
        withSender(s, async () => {
          await new Promise((resolve) => setImmediate(resolve));
          return currentSender();
        }),
      ),
    );
    expect(seen).toEqual([sender, other]);
  });
});
