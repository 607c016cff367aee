import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

export type InputFile =
  | { ok: true; text: string }
  | { ok: false; problem: 'not-a-file' }
  | { ok: false; problem: 'too-large' }
  | { ok: false; problem: 'unreadable'; code: string };

/**
 * Reads a file named on the command line, at most `maxBytes`. It must be a regular file, opened
 * non-blocking and checked before reading, so `/dev/zero`, a FIFO or a folder cannot hang the
 * command or fill its memory (the pattern of readCertificateFile). A failure names the system's
 * code (ENOENT, EACCES…), never the content.
 */
export async function readInputFile(path: string, maxBytes: number): Promise<InputFile> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return unreadable(error);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { ok: false, problem: 'not-a-file' };
    if (stats.size > maxBytes) return { ok: false, problem: 'too-large' };
    // One byte more than allowed tells a file that grew since stat() from one that fits.
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0 || (length += bytesRead) === buffer.length) break;
    }
    if (length > maxBytes) return { ok: false, problem: 'too-large' };
    return { ok: true, text: buffer.subarray(0, length).toString('utf8') };
  } catch (error) {
    return unreadable(error);
  } finally {
    await handle.close();
  }
}

function unreadable(error: unknown): InputFile {
  return { ok: false, problem: 'unreadable', code: (error as NodeJS.ErrnoException).code ?? 'unreadable' };
}
