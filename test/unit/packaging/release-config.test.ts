import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Configuration, FileSet } from 'app-builder-lib';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';
import { effectiveConfig, leaves, RELEASE_CONFIG, TEST_BUILD_CONFIG } from './builder-config';

/** What the issue asks of every release build (Electron security checklist, fuses). */
const RELEASE_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
};

let release: Configuration;
let testBuild: Configuration;
beforeAll(async () => {
  release = await effectiveConfig(RELEASE_CONFIG);
  testBuild = await effectiveConfig(TEST_BUILD_CONFIG);
});

describe('release fuses', () => {
  it('turn off every way in but the app’s own code, and keep cookies encrypted', () => {
    expect(release.electronFuses).toMatchObject(RELEASE_FUSES);
  });

  it('leave nothing to the Electron binary’s defaults', () => {
    expect(release.electronFuses).toEqual({
      ...RELEASE_FUSES,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
  });

  // Flipping a fuse edits the signed binary; Apple silicon refuses an app whose signature no longer
  // matches. electron-builder hands this flag to @electron/fuses (platformPackager generateFuseConfig),
  // which re-signs the .app ad hoc after flipping and throws when codesign fails.
  it('re-sign the macOS app ad hoc after flipping, so an unsigned build still starts on Apple silicon', () => {
    expect(release.electronFuses?.resetAdHocDarwinSignature).toBe(true);
  });
});

describe('the test build (electron-builder.test-build.yml)', () => {
  it('differs from the release only in the inspect fuse and its output folder', () => {
    const before = leaves(release);
    const after = leaves(testBuild);
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
      (path) => JSON.stringify(before.get(path)) !== JSON.stringify(after.get(path)),
    );
    expect(changed.sort()).toEqual(['directories.output', 'electronFuses.enableNodeCliInspectArguments', 'extends']);
    expect(testBuild.electronFuses?.enableNodeCliInspectArguments).toBe(true);
    expect(testBuild.extends).toBe(RELEASE_CONFIG);
  });

  it('writes outside the release output folder', () => {
    const output = testBuild.directories?.output ?? '';
    expect(output).not.toBe(release.directories?.output);
    expect(output.startsWith(`${release.directories?.output ?? ''}/`)).toBe(true);
  });

  it('is built with --dir, so no installer of it ever exists', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    const command = Object.values(scripts).find((script) => script.includes(TEST_BUILD_CONFIG));
    expect(command).toMatch(/electron-builder --dir --config electron-builder\.test-build\.yml/);
  });
});

/**
 * The files electron-builder's own matcher takes from a project tree, walked the way it walks:
 * a directory the filter refuses is not entered.
 */
function packagedFiles(root: string, patterns: string[]): string[] {
  const filter = new FileMatcher(root, '/app', (pattern) => pattern, patterns).createFilter();
  const taken: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (!filter(path, stat)) continue;
      if (stat.isDirectory()) walk(path);
      else taken.push(relative(root, path));
    }
  };
  walk(root);
  return taken.sort();
}

describe('the files whitelist', () => {
  let project: TempDir;
  let patterns: string[];
  beforeAll(async () => {
    const fileSets = release.files as FileSet[];
    expect(fileSets).toHaveLength(1);
    patterns = fileSets[0]?.filter as string[];
    project = await createTempDir('packaging-files');
    // A project tree as `npm run build` leaves it, with everything that must stay out.
    for (const file of [
      'package.json',
      'out/main/index.js',
      'out/main/index.js.map',
      'out/preload/index.cjs',
      'out/preload/index.cjs.map',
      'out/renderer/index.html',
      'out/renderer/assets/index-abc.js',
      'out/renderer/assets/index-abc.js.map',
      'out/renderer/assets/index-abc.css',
      'out/cli/regdesk.js',
      'out/cli/assets/chunk.js',
      'bin/regdesk.js',
      'main/index.ts',
      'preload/index.ts',
      'renderer/src/App.tsx',
      'shared/errors.ts',
      'test/unit/packaging/release-config.test.ts',
      'test/fixtures/canary.ts',
      'scripts/test.mjs',
      'docs/packaging.md',
      'build/icon.png',
      'electron-builder.yml',
      'README.md',
    ]) {
      mkdirSync(dirname(join(project.path, file)), { recursive: true });
      writeFileSync(join(project.path, file), '');
    }
  });
  afterAll(() => project?.cleanup());

  it('takes exactly main, preload, renderer and package.json', () => {
    expect(packagedFiles(project.path, patterns)).toEqual([
      'out/main/index.js',
      'out/preload/index.cjs',
      'out/renderer/assets/index-abc.css',
      'out/renderer/assets/index-abc.js',
      'out/renderer/index.html',
      'package.json',
    ]);
  });

  it('includes the entry point package.json names', () => {
    const { main } = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string };
    expect(packagedFiles(project.path, patterns)).toContain(main);
  });

  it('packs the app into an asar archive with nothing unpacked', () => {
    expect(release.asar).toBe(true);
    expect(release.asarUnpack ?? []).toEqual([]);
  });
});

describe('Linux package metadata', () => {
  // app-builder-lib's FpmTarget refuses to build a deb without a homepage ("Please specify project
  // homepage") and without a maintainer or an author e-mail.
  it('has what the deb target refuses to build without', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      homepage?: string;
      description?: string;
      author?: { email?: string };
    };
    const homepage = (release.extraMetadata as { homepage?: string } | undefined)?.homepage ?? pkg.homepage;
    expect(homepage ?? 'missing', 'package.json needs "homepage" (an https URL) for the deb target').toMatch(/^https:\/\//);
    expect(release.linux?.maintainer ?? pkg.author?.email).toBeTruthy();
    expect(pkg.description).toBeTruthy();
  });
});
