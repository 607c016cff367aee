// `npm run dev:web -- --port N [--data-dir DIR]`: the renderer in any browser, over the real services.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness } from './server';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '5178' }, 'data-dir': { type: 'string', default: '.tmp/dev-web' } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  process.exit(2);
}
const dataDir = resolve(values['data-dir']);
mkdirSync(dataDir, { recursive: true, mode: 0o700 });
const harness = await startHarness({ dataDir, port });
console.log(`Pack Registry Desk (browser harness) at ${harness.url}`);
console.log(`Data folder: ${dataDir}. Press Ctrl+C to stop.`);
const stop = () => void harness.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
