import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The Electron runtime, if this machine has one. Looked up the way the `electron` package does
 * (path.txt, ELECTRON_OVERRIDE_DIST_PATH) but without its fallback, which would try to download
 * the runtime — impossible offline, and never to be faked.
 */
export function findElectronBinary(): string | undefined {
  const pkgDir = resolve('node_modules/electron');
  const pathFile = join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const candidate = override ? join(override, relative ?? 'electron') : relative ? join(pkgDir, 'dist', relative) : undefined;
  return candidate && existsSync(candidate) ? candidate : undefined;
}
