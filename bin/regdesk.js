#!/usr/bin/env node
// Thin launcher: checks Node before loading the built command line, so an old Node gets one
// plain sentence instead of a syntax error.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`regdesk needs Node.js 22.12 or newer; this is ${process.versions.node}.\n`);
  process.exit(2);
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
