import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `content` to `target` without ever opening what is already there: a new file is created
 * beside it (O_CREAT | O_EXCL, so neither an existing file nor a planted link is opened, plus
 * O_NOFOLLOW where the platform has it) with `mode` from the start, then renamed over the target.
 * A link at the target is replaced, not followed; an existing file keeps its inode, owner, mode
 * and content for whoever else holds it (a hard link), and the new one is ours with `mode`.
 * rename(2) is atomic within a folder, so a reader sees the old file or the new one, never half.
 */
export async function writeNewFile(target: string, content: string, mode: number): Promise<void> {
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const flags = constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0);
  const handle = await open(temporary, flags, mode);
  try {
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
