import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACK_BUDGET_BYTES, packageOf, packContents, type PackContents } from '../../../scripts/bench/pack-size';

/** Packages the renderer bundle (out/renderer) already contains: they must not ship again in node_modules. */
const RENDERER_ONLY = [/^react$/, /^react-dom$/, /^@mantine\//, /^@tabler\//];

/** The bare module names main's built code loads at run time (electron-vite leaves dependencies external). */
function mainRuntimeImports(): string[] {
  const names = new Set<string>();
  for (const file of readdirSync('out/main', { recursive: true, encoding: 'utf8' }).filter((f) => /\.[cm]?js$/.test(f))) {
    const code = readFileSync(join('out/main', file), 'utf8');
    for (const [, name] of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^import\s+)["']([^"'./][^"']*)["']/gm)) {
      if (name) names.add(name);
    }
  }
  const builtins = new Set(builtinModules);
  return [...names].filter((name) => !name.startsWith('node:') && !builtins.has(name) && name !== 'electron').sort();
}

let contents: PackContents;
beforeAll(async () => {
  if (!existsSync('out/main/index.js')) throw new Error('out/main is missing: run `npm run build` first (npm test does).');
  contents = await packContents();
}, 180_000);

describe('what electron-builder packs into app.asar (its own file matcher and module collector)', () => {
  it(`stays within ${PACK_BUDGET_BYTES / 1e6} MB`, () => {
    expect(contents.totalBytes).toBeLessThanOrEqual(PACK_BUDGET_BYTES);
  });

  it('holds the built app: main, preload, renderer and package.json', () => {
    const paths = contents.files.map((file) => file.path);
    expect(paths).toContain('out/main/index.js');
    expect(paths).toContain('out/preload/index.cjs');
    expect(paths).toContain('out/renderer/index.html');
    expect(paths).toContain('package.json');
  });

  it('ships no package the renderer bundle already contains', () => {
    const shipped = [...contents.byPackage.keys()].filter((name) => RENDERER_ONLY.some((pattern) => pattern.test(name)));
    expect(shipped).toEqual([]);
  });

  it('ships every package main loads at run time', () => {
    const imports = mainRuntimeImports();
    expect(imports).toContain('zod'); // the scan finds imports at all
    const packaged = new Set(contents.files.filter((file) => file.path.endsWith('/package.json')).map((file) => file.path));
    const missing = imports.filter((name) => !packaged.has(`node_modules/${packageOf(`node_modules/${name}`)}/package.json`));
    expect(missing).toEqual([]);
  });
});
