import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The Electron runtime, if this machine has one. Looked up the way the `electron` package does
 * (path.txt, ELECTRON_OVERRIDE_DIST_PATH) but without its fallback, which would try to download
 * the runtime — impossible offline, and never to be faked.
 */
export function findElectronBinary(): string | undefined {
  const found = lookUp();
  // CI that downloaded the runtime (.github/workflows/test.yml) sets this: a skip there would hide a broken download.
  if (!found && process.env['REGDESK_REQUIRE_ELECTRON'] === '1') {
    throw new Error('REGDESK_REQUIRE_ELECTRON=1, but there is no Electron runtime: run `node scripts/electron-runtime.mjs` first.');
  }
  return found;
}

function lookUp(): string | undefined {
  const pkgDir = resolve('node_modules/electron');
  const pathFile = join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const candidate = override ? join(override, relative ?? 'electron') : relative ? join(pkgDir, 'dist', relative) : undefined;
  return candidate && existsSync(candidate) ? candidate : undefined;
}
