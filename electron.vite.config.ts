import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Entries are top-level folders (docs/architecture.md#layout) rather than electron-vite's src/ defaults.
export default defineConfig({
  main: {
    build: {
      lib: { entry: resolve('main/index.ts') },
    },
  },
  preload: {
    build: {
      lib: { entry: resolve('preload/index.ts') },
      // Sandboxed preloads can require only 'electron': bundle zod and the contract in.
      externalizeDeps: false,
      // A sandboxed preload cannot be an ES module: emit one CommonJS file.
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: {
      // electron-vite leaves output unminified; the renderer is the one part worth shrinking.
      minify: true,
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
