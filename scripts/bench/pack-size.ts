// What `electron-builder` would put into app.asar, chosen by electron-builder's own code: its
// configuration loader, its main file matcher (`files` in electron-builder.yml) and its
// node_modules collector (the production dependencies of package.json, as `npm ls` reports them,
// filtered by the same matcher). It stops short of packing: that needs the Electron runtime.
// The calls mirror PlatformPackager.copyAppFiles in app-builder-lib 26
// (https://github.com/electron-userland/electron-builder/blob/master/packages/app-builder-lib/src/platformPackager.ts).
import type { Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { Arch, Packager, Platform } from 'app-builder-lib';
import { AppInfo } from 'app-builder-lib/out/appInfo';
import { LinuxPackager } from 'app-builder-lib/out/linuxPackager';
import { atMost, mib, type Row, type SectionResult } from './report';

/** A set of files electron-builder copies: `files` under `src`, going to `destination`. */
interface ResolvedFileSet {
  src: string;
  destination: string;
  files: string[];
  metadata: Map<string, Stats>;
}

// Marked @internal in app-builder-lib, so absent from its declarations; these are the signatures of 26.17.
const require = createRequire(import.meta.url);
const { getMainFileMatchers, getNodeModuleFileMatcher } = require('app-builder-lib/out/fileMatcher') as {
  getMainFileMatchers: (...args: [string, string, (p: string) => string, unknown, LinuxPackager, string, boolean]) => unknown[];
  getNodeModuleFileMatcher: (...args: [string, string, (p: string) => string, unknown, Packager]) => unknown;
};
const { computeFileSets, computeNodeModuleFileSets } = require('app-builder-lib/out/util/appFileCopier') as {
  computeFileSets: (matchers: unknown[], transformer: null, packager: LinuxPackager, isElectronCompile: boolean) => Promise<ResolvedFileSet[]>;
  computeNodeModuleFileSets: (packager: LinuxPackager, matcher: unknown) => Promise<ResolvedFileSet[]>;
};

/** The budget `npm test` holds (test/unit/packaging/pack-size.test.ts): 25 MB, decimal. */
export const PACK_BUDGET_BYTES = 25_000_000;

export interface PackedFile {
  /** Path inside app.asar, with forward slashes ("out/main/index.js", "node_modules/zod/…"). */
  readonly path: string;
  readonly bytes: number;
}

export interface PackContents {
  readonly files: readonly PackedFile[];
  readonly totalBytes: number;
  /** Bytes per top-level package under node_modules ("@scope/name" or "name"); the app's own files as "(app)". */
  readonly byPackage: ReadonlyMap<string, number>;
}

/** Stands for app.asar's root in electron-builder's destination paths. */
const DESTINATION = join(sep, 'pack-size', 'app');

/** electron-builder's Linux packager for a project, configured as `electron-builder --linux` would be, short of building. */
export async function linuxPackager(projectDir = process.cwd(), config = 'electron-builder.yml'): Promise<LinuxPackager> {
  const packager = new Packager({ projectDir, config, targets: Platform.LINUX.createTarget('dir', Arch.x64) });
  await packager.validateConfig();
  // Packager.build() sets this before creating a platform packager; the packager reads names from it.
  (packager as unknown as { _appInfo: AppInfo })._appInfo = new AppInfo(packager, null);
  return new LinuxPackager(packager);
}

/** The files electron-builder would pack for Linux x64 from `projectDir` (the file set is the same on every platform but for .dll/.exe). */
export async function packContents(projectDir = process.cwd(), config = 'electron-builder.yml'): Promise<PackContents> {
  const linux = await linuxPackager(projectDir, config);
  const packager = linux.info;
  const options = linux.platformSpecificBuildOptions;
  const { macroExpander } = (
    linux as unknown as { createGetFileMatchersOptions(outDir: string, arch: Arch, options: unknown): { macroExpander: (p: string) => string } }
  ).createGetFileMatchersOptions(join(projectDir, 'dist'), Arch.x64, options);
  const mainMatchers = getMainFileMatchers(packager.appDir, DESTINATION, macroExpander, options, linux, join(projectDir, 'dist'), false);
  const appSets = await computeFileSets(mainMatchers, null, linux, false);
  const moduleMatcher = getNodeModuleFileMatcher(packager.appDir, DESTINATION, macroExpander, options, packager);
  const moduleSets = await computeNodeModuleFileSets(linux, moduleMatcher);

  const files: PackedFile[] = [];
  for (const set of [...appSets, ...moduleSets]) {
    for (const file of set.files) {
      const stat = set.metadata.get(file);
      if (!stat?.isFile()) continue;
      const inside = relative(set.src, file);
      const destination = relative(DESTINATION, join(set.destination, inside));
      files.push({ path: destination.split(sep).join('/'), bytes: stat.size });
    }
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  const byPackage = new Map<string, number>();
  for (const file of files) byPackage.set(packageOf(file.path), (byPackage.get(packageOf(file.path)) ?? 0) + file.bytes);
  return { files, totalBytes: files.reduce((sum, file) => sum + file.bytes, 0), byPackage };
}

/** The top-level package a packed path belongs to, or "(app)" for the app's own files. */
export function packageOf(path: string): string {
  if (!path.startsWith('node_modules/')) return '(app)';
  const [first, second] = path.slice('node_modules/'.length).split('/');
  return first?.startsWith('@') ? `${first}/${second}` : (first ?? '(app)');
}

/** The `package` section of `npm run bench`: the size of app.asar's contents against the budget. */
export async function benchPackSize(): Promise<SectionResult> {
  const contents = await packContents();
  const app = contents.byPackage.get('(app)') ?? 0;
  const largest = [...contents.byPackage].filter(([name]) => name !== '(app)').sort((a, b) => b[1] - a[1]);
  const rows: Row[] = [
    {
      measure: 'What electron-builder packs into app.asar (files, before asar)',
      value: `${(contents.totalBytes / 1e6).toFixed(1)} MB (${mib(contents.totalBytes)}), ${contents.files.length} files`,
      budget: `≤ ${PACK_BUDGET_BYTES / 1e6} MB`,
      verdict: atMost(contents.totalBytes, PACK_BUDGET_BYTES, (excess) => `${(excess / 1e6).toFixed(1)} MB`),
    },
    { measure: 'of which the app (out/main, out/preload, out/renderer, package.json)', value: mib(app), budget: '—', verdict: 'reported' },
    {
      measure: 'of which node_modules (production dependencies main loads)',
      value: mib(contents.totalBytes - app),
      budget: '—',
      verdict: 'reported',
      note: `largest: ${largest
        .slice(0, 5)
        .map(([name, bytes]) => `${name} ${mib(bytes)}`)
        .join(', ')}`,
    },
  ];
  return {
    id: 'package',
    title: 'Package contents',
    about:
      "electron-builder 26's own configuration loader, main file matcher and node_modules collector, run on electron-builder.yml " +
      'for Linux x64 without packing (scripts/bench/pack-size.ts); sizes are of the files as they go into app.asar.',
    rows,
    gaps:
      contents.totalBytes > PACK_BUDGET_BYTES
        ? [
            {
              measure: rows[0]?.measure ?? '',
              missedBy: rows[0]?.verdict ?? '',
              close: 'Move what only the renderer uses to devDependencies, or bundle main’s dependencies.',
            },
          ]
        : [],
    raw: { totalBytes: contents.totalBytes, files: contents.files.length, byPackage: Object.fromEntries(contents.byPackage) },
  };
}
