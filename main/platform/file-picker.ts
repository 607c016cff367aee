import type { BaseWindow, Dialog, OpenDialogOptions } from 'electron';
import type { FilePicker } from '../services/file-picker';

export interface DialogParts {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  /** The window of the IPC call being served (main/platform/ipc-sender.ts), if it still exists. */
  ownerWindow: () => BaseWindow | undefined;
}

/**
 * The native open dialog behind every file choice (`certs:pick`, `import:pick`), modal on the window
 * that asked. It returns the path only, to main; the service that asked reads the file.
 */
export function createFilePicker({ dialog, ownerWindow }: DialogParts): FilePicker {
  return {
    async pickFile({ title, filters }) {
      const options: OpenDialogOptions = {
        title,
        properties: ['openFile'],
        filters: filters.map(({ name, extensions }) => ({ name, extensions: [...extensions] })),
      };
      const window = ownerWindow();
      const { canceled, filePaths } = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      const path = filePaths[0];
      return canceled || !path ? { canceled: true } : { canceled: false, path };
    },
  };
}
