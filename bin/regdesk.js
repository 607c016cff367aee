#!/usr/bin/env node
// Thin launcher: checks Node before loading the built command line, so an old Node gets one
// plain sentence instead of a syntax error.
// A namespace import: Node 20 has no enableCompileCache, and must still reach the version check.
import * as nodeModule from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`regdesk needs Node.js 22.12 or newer; this is ${process.versions.node}.\n`);
  process.exit(2);
}

// V8's compiled code for the bundle is kept between runs: it halves start-up. In the user's own
// cache folder, not the shared temp folder Node defaults to, where another account could plant it.
function cacheFolder() {
  if (process.platform === 'win32')
    return join(process.env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'regdesk', 'compile-cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'regdesk', 'compile-cache');
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'regdesk', 'compile-cache');
}
if (!process.env.REGDESK_NO_COMPILE_CACHE) {
  try {
    nodeModule.enableCompileCache?.(cacheFolder());
  } catch {
    // A read-only home: run without the cache.
  }
}

try {
  await import('../out/cli/regdesk.js');
} catch (error) {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('out/cli/regdesk.js')) {
    process.stderr.write('regdesk is not built yet: run `npm run build` in the pack-registry-desk folder.\n');
    process.exit(2);
  }
  throw error;
}
