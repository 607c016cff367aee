/**
 * The port through which a service asks the person where to save a file, as FilePicker does for
 * opening one: main shows the dialog and writes the file, so the window never names a path.
 * Electron implements it with the native save dialog (main/platform/file-saver.ts), the browser
 * harness with a test-controlled seam, and the command line has none (it writes to stdout).
 */
export interface FileSaver {
  saveFile(request: FileSaveRequest): Promise<FileSaveResult>;
}

export interface FileSaveRequest {
  title: string;
  /** The file name the dialog proposes, never a path. */
  defaultName: string;
  filters: ReadonlyArray<{ name: string; extensions: readonly string[] }>;
}

export type FileSaveResult = { canceled: true } | { canceled: false; path: string };
