import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// `regdesk` runs on plain Node >= 22, without Electron: a server-side (ssr) build keeps
// node_modules external and targets Node.
export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    ssr: 'main/cli/run.ts',
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node22',
    rollupOptions: { output: { format: 'esm', entryFileNames: 'regdesk.js' } },
  },
});
