import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron';
import type { FilePicker } from '../services/file-picker';

/**
 * The native open dialog behind `certs:pick`, attached to the focused window so it is modal
 * there. It returns the path only; the service reads at most 1 MiB of the file.
 */
export function createCertificatePicker(): FilePicker {
  return {
    async pickFile({ title, filters }) {
      const options: OpenDialogOptions = {
        title,
        properties: ['openFile'],
        filters: filters.map(({ name, extensions }) => ({ name, extensions: [...extensions] })),
      };
      const window = BrowserWindow.getFocusedWindow();
      const { canceled, filePaths } = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      const path = filePaths[0];
      return canceled || !path ? { canceled: true } : { canceled: false, path };
    },
  };
}
