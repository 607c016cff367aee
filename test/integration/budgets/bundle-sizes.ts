// Sizes of the built renderer (out/renderer), raw and gzip, for the bundle budget test and
// `npm run bench` alike. Gzip at level 9 (node:zlib), the most a server or installer could squeeze.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const GZIP_LEVEL = 9;

export interface AssetSize {
  /** Relative to the renderer folder, e.g. `assets/index-BElVRVVZ.js`. */
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
  /** Referenced by index.html (script or modulepreload, stylesheet): loaded before the app starts. */
  readonly initial: boolean;
}

export interface BundleSizes {
  readonly dir: string;
  readonly js: readonly AssetSize[];
  readonly css: readonly AssetSize[];
  /** Every JS chunk, lazy ones included. */
  readonly jsTotal: { readonly raw: number; readonly gzip: number };
  /** Only the chunks index.html loads. */
  readonly jsInitial: { readonly raw: number; readonly gzip: number };
  readonly cssTotal: { readonly raw: number; readonly gzip: number };
  /** When index.html was written: the build these sizes describe. */
  readonly builtAt: Date;
}

export async function measureBundle(dir = resolve('out/renderer')): Promise<BundleSizes> {
  const indexPath = join(dir, 'index.html');
  const html = await readFile(indexPath, 'utf8').catch(() => {
    throw new Error(`No built renderer in ${dir}: run \`npx electron-vite build\` first.`);
  });
  const referenced = new Set(
    [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\.?\/?([^"]+\.(?:js|css))"/g)].map((match) => match[1]!),
  );
  const files = await listFiles(dir);
  const measure = async (file: string): Promise<AssetSize> => {
    const body = await readFile(join(dir, file));
    return { file, raw: body.length, gzip: gzipSync(body, { level: GZIP_LEVEL }).length, initial: referenced.has(file) };
  };
  const js = await Promise.all(files.filter((f) => /\.m?js$/.test(f)).map(measure));
  const css = await Promise.all(files.filter((f) => f.endsWith('.css')).map(measure));
  const missing = [...referenced].filter((file) => !files.includes(file));
  if (missing.length > 0) throw new Error(`index.html references files that are not in ${dir}: ${missing.join(', ')}`);
  return {
    dir,
    js,
    css,
    jsTotal: sum(js),
    jsInitial: sum(js.filter((a) => a.initial)),
    cssTotal: sum(css),
    builtAt: (await stat(indexPath)).mtime,
  };
}

/** Files under `root` (relative, `/`-separated) changed after `since`: a build older than its sources measures the wrong code. */
export async function changedSince(root: string, since: Date): Promise<string[]> {
  const files = await listFiles(root);
  const changed = await Promise.all(files.map(async (file) => ((await stat(join(root, file))).mtime > since ? file : undefined)));
  return changed.filter((file): file is string => file !== undefined);
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'));
}

function sum(assets: readonly AssetSize[]) {
  return { raw: assets.reduce((n, a) => n + a.raw, 0), gzip: assets.reduce((n, a) => n + a.gzip, 0) };
}
