// The bench measures a copy of the build made at its start: other work in the same tree may
// rebuild out/ meanwhile, and a half-written out/ would fail or skew a run taken from it.
import { cp, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTempDir, type TempDir } from '../../test/fixtures/temp-dir';

export interface BuildSnapshot {
  /** The `regdesk` launcher, beside its own copy of out/cli. */
  readonly regdeskBin: string;
  /** A copy of out/renderer. */
  readonly rendererDir: string;
  readonly cleanup: TempDir['cleanup'];
}

export async function snapshotBuild(): Promise<BuildSnapshot> {
  const dir = await createTempDir('bench-build');
  try {
    await mkdir(join(dir.path, 'out'));
    await Promise.all([
      cp(resolve('bin'), join(dir.path, 'bin'), { recursive: true }),
      cp(resolve('out/cli'), join(dir.path, 'out/cli'), { recursive: true }),
      cp(resolve('out/renderer'), join(dir.path, 'out/renderer'), { recursive: true }),
    ]);
    return { regdeskBin: join(dir.path, 'bin/regdesk.js'), rendererDir: join(dir.path, 'out/renderer'), cleanup: dir.cleanup };
  } catch (error) {
    await dir.cleanup();
    throw error;
  }
}
