import type { FilePicker, FilePickRequest, FilePickResult } from '../../main/services/file-picker';

/**
 * The harness's stand-in for the native open dialog: a test says which file the person "chooses"
 * next (through `POST /__harness/next-pick` or `harness.nextPick`), and main's own `certs:pick`
 * then reads it exactly as in Electron. With nothing queued the dialog counts as cancelled, as
 * when a person closes it.
 */
export interface FilePickSeam extends FilePicker {
  /** Queues the answer to the next dialog: a path, or a cancel. */
  nextPick(choice: FilePickResult): void;
  /** What the last dialog was asked to show (title and filters), for tests to check. */
  lastRequest(): FilePickRequest | undefined;
}

export function createFilePickSeam(): FilePickSeam {
  const queued: FilePickResult[] = [];
  let last: FilePickRequest | undefined;
  return {
    async pickFile(request) {
      last = request;
      return queued.shift() ?? { canceled: true };
    },
    nextPick(choice) {
      queued.push(choice);
    },
    lastRequest: () => last,
  };
}

/** The body of `POST /__harness/next-pick`: `{ "path": "/abs/file.pem" }` or `{ "canceled": true }`. */
export function parseNextPick(body: unknown): FilePickResult | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { path, canceled } = body as { path?: unknown; canceled?: unknown };
  if (canceled === true) return { canceled: true };
  return typeof path === 'string' && path.length > 0 ? { canceled: false, path } : undefined;
}
