import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildElectronArtifactConfig } from 'app-builder-lib/out/util/electronGet';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';
import { installedElectronVersion } from './builder-config';

const DOC = 'docs/packaging.md';
const MARKER = '<!-- test/unit/packaging/offline-electron-cache.test.ts runs the next block -->';

/** The shell block docs/packaging.md marks as run by this test. */
function documentedSeedingScript(): string {
  const doc = readFileSync(DOC, 'utf8');
  const block = /```sh\n([\s\S]*?)```/.exec(doc.slice(doc.indexOf(MARKER)));
  if (!doc.includes(MARKER) || !block?.[1]) throw new Error(`${DOC} lost its marked checksum block`);
  return block[1];
}

/** The Electron download request electron-builder 26 makes for this host, as it would make it. */
function linuxRuntimeRequest(): ReturnType<typeof buildElectronArtifactConfig> {
  return buildElectronArtifactConfig({ artifactName: 'electron', platformName: 'linux', arch: 'x64', version: installedElectronVersion() });
}

describe('building offline: the Electron runtime checksums (docs/packaging.md)', () => {
  let cache: TempDir;
  let savedXdg: string | undefined;
  beforeEach(async () => {
    cache = await createTempDir('electron-cache');
    // electron-builder looks for @electron/get's cache under XDG_CACHE_HOME on Linux.
    savedXdg = process.env['XDG_CACHE_HOME'];
    process.env['XDG_CACHE_HOME'] = cache.path;
  });
  afterEach(async () => {
    if (savedXdg === undefined) delete process.env['XDG_CACHE_HOME'];
    else process.env['XDG_CACHE_HOME'] = savedXdg;
    await cache.cleanup();
  });

  it('without seeding, electron-builder has no checksums and would fetch SHASUMS256.txt', async () => {
    expect(process.platform).toBe('linux'); // the cache root below is the Linux one
    expect((await linuxRuntimeRequest()).checksums).toBeUndefined();
  });

  it('the documented script seeds checksums electron-builder picks up, pinned by the electron package', async () => {
    execFileSync('bash', ['-euo', 'pipefail', '-c', documentedSeedingScript()], {
      env: { ...process.env, XDG_CACHE_HOME: cache.path },
      stdio: 'pipe',
    });
    const version = installedElectronVersion();
    const zip = `electron-v${version}-linux-x64.zip`;
    const shipped = JSON.parse(readFileSync('node_modules/electron/checksums.json', 'utf8')) as Record<string, string>;
    const request = await linuxRuntimeRequest();
    expect(request.checksums?.[zip]).toMatch(/^[0-9a-f]{64}$/);
    expect(request.checksums?.[zip]).toBe(shipped[zip]);
  });

  it('the cache folder for the zip is the SHA-256 of the release URL’s folder, as documented', () => {
    // The @electron/get that electron-builder itself depends on, not the electron package's.
    const fromBuilder = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
    const { Cache } = fromBuilder('@electron/get/dist/cjs/Cache') as { Cache: { getCacheDirectory(url: string): string } };
    const version = installedElectronVersion();
    const url = `https://github.com/electron/electron/releases/download/v${version}/electron-v${version}-linux-x64.zip`;
    const documented = createHash('sha256').update(`https://github.com/electron/electron/releases/download/v${version}`).digest('hex');
    expect(Cache.getCacheDirectory(url)).toBe(documented);
  });

  it('the document names the Electron version that is installed', () => {
    const version = installedElectronVersion();
    const doc = readFileSync(DOC, 'utf8');
    const named = new Set(doc.match(/electron-v\d+\.\d+\.\d+/g));
    expect([...named]).toEqual([`electron-v${version}`]);
    expect(doc).toContain(`releases/download/v${version}`);
  });
});
