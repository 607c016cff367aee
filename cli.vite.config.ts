import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// `regdesk` runs on plain Node >= 22, without Electron: a server-side (ssr) build targeting Node.
// Dependencies are bundled in (noExternal): resolving and loading undici's and zod's hundreds of
// files one by one was most of `regdesk validate`'s start-up.
export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(version) },
  ssr: { noExternal: true },
  build: {
    ssr: 'main/cli/run.ts',
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node22',
    rollupOptions: { output: { format: 'esm', entryFileNames: 'regdesk.js' } },
  },
});
