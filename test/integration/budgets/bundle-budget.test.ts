// Budget: the renderer's JavaScript, gzip level 9, at most 350 KB. Counted strictly:
// every JS chunk the build emits, lazy ones included, not only those index.html loads first.
// Measures the built renderer (`npm test` builds first; alone: `npx electron-vite build`).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_JS_GZIP_MAX_BYTES } from './budgets';
import { changedSince, measureBundle } from './bundle-sizes';

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

describe('renderer bundle', () => {
  it(`is at most ${kb(RENDERER_JS_GZIP_MAX_BYTES)} of JavaScript after gzip, lazy chunks included`, async () => {
    const bundle = await measureBundle();
    const stale = [
      ...(await changedSince(resolve('renderer'), bundle.builtAt)).map((f) => `renderer/${f}`),
      ...(await changedSince(resolve('shared'), bundle.builtAt)).map((f) => `shared/${f}`),
    ];
    expect(stale, 'sources changed after out/renderer was built: run `npx electron-vite build`').toEqual([]);
    // The entry script is among them: a build that lost it would measure nothing.
    expect(bundle.js.filter((a) => a.initial).length).toBeGreaterThan(0);
    expect(bundle.jsInitial.gzip).toBeGreaterThan(0);
    const listing = bundle.js.map((a) => `${a.file} ${kb(a.gzip)}${a.initial ? '' : ' (lazy)'}`).join(', ');
    expect(bundle.jsTotal.gzip, listing).toBeLessThanOrEqual(RENDERER_JS_GZIP_MAX_BYTES);
  });
});
