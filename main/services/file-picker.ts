/**
 * The port through which a service asks the person to choose a file. Only main ever learns
 * the path: the window receives what was found in the file, so a compromised renderer cannot
 * name a file for main to read. Electron implements it with the native open dialog
 * (main/platform/file-picker.ts); the browser harness with a test-controlled seam.
 */
export interface FilePicker {
  pickFile(request: FilePickRequest): Promise<FilePickResult>;
}

export interface FilePickRequest {
  title: string;
  /** Extensions without dot; `'*'` is the only wildcard (docs/reference/electron.md#open-dialog). */
  filters: ReadonlyArray<{ name: string; extensions: readonly string[] }>;
}

export type FilePickResult = { canceled: true } | { canceled: false; path: string };

export const CERTIFICATE_PICK_REQUEST: FilePickRequest = {
  title: "Choose the registry's CA certificate",
  filters: [
    { name: 'Certificates', extensions: ['pem', 'crt', 'cer', 'der', 'p7b'] },
    { name: 'All files', extensions: ['*'] },
  ],
};
