import type { FileSaver, FileSaveRequest, FileSaveResult } from '../../main/services/file-saver';

/**
 * The harness's stand-in for the native save dialog, like file-pick-seam.ts for the open dialog:
 * a test queues where the person "saves" (`POST /__harness/next-save` or `harness.fileSaver.nextSave`)
 * and main's own `export:save` then writes there exactly as in Electron. With nothing queued the
 * dialog counts as cancelled.
 */
export interface FileSaveSeam extends FileSaver {
  nextSave(choice: FileSaveResult): void;
  /** What the last dialog was asked to show (title, proposed name, filters), for tests to check. */
  lastRequest(): FileSaveRequest | undefined;
}

export function createFileSaveSeam(): FileSaveSeam {
  const queued: FileSaveResult[] = [];
  let last: FileSaveRequest | undefined;
  return {
    async saveFile(request) {
      last = request;
      return queued.shift() ?? { canceled: true };
    },
    nextSave(choice) {
      queued.push(choice);
    },
    lastRequest: () => last,
  };
}
