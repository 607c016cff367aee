import type { SaveDialogOptions } from 'electron';
import type { FileSaver } from '../services/file-saver';
import type { DialogParts } from './file-picker';

/** The native save dialog behind `export:save`, modal on the window that asked; the service writes the file. */
export function createFileSaver({ dialog, ownerWindow }: DialogParts): FileSaver {
  return {
    async saveFile({ title, defaultName, filters }) {
      const options: SaveDialogOptions = {
        title,
        defaultPath: defaultName,
        filters: filters.map(({ name, extensions }) => ({ name, extensions: [...extensions] })),
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      };
      const window = ownerWindow();
      const { canceled, filePath } = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return canceled || !filePath ? { canceled: true } : { canceled: false, path: filePath };
    },
  };
}
