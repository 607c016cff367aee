import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper';
import { describe, expect, it } from 'vitest';
import { linuxPackager } from '../../../scripts/bench/pack-size';

/**
 * Chromium's sandbox stays on everywhere the app starts (docs/packaging.md, Linux: Chromium's
 * sandbox). On Ubuntu 24.04+ the supported paths are the deb and, from source, a setuid
 * chrome-sandbox; turning the sandbox off is never a default (electron/electron#42510).
 */
const SANDBOX_OFF = /--no-sandbox|no-sandbox['"]|--disable-setuid-sandbox|disable-setuid-sandbox['"]|ELECTRON_DISABLE_SANDBOX/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx|mjs|cjs|js)$/.test(file))
    .map((file) => join(dir, file));
}

describe('the Chromium sandbox is never turned off by default', () => {
  it('not by an npm script', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(Object.entries(scripts).filter(([, command]) => SANDBOX_OFF.test(command))).toEqual([]);
  });

  it('not by the app’s own code (main, preload, shared) or the launch scripts', () => {
    const files = [...sourceFiles('main'), ...sourceFiles('preload'), ...sourceFiles('shared'), ...sourceFiles('scripts')];
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((file) => SANDBOX_OFF.test(readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('not by the Linux launcher electron-builder writes (desktop entry Exec line)', async () => {
    const linux = await linuxPackager();
    const entry = await new LinuxTargetHelper(linux).computeDesktopEntry(linux.platformSpecificBuildOptions);
    const exec = /^Exec=(.*)$/m.exec(entry)?.[1];
    expect(exec).toContain('pack-registry-desk');
    expect(exec).not.toMatch(SANDBOX_OFF);
  }, 60_000);

  it('the Electron tests pass --no-sandbox only when they run as root (a CI container)', () => {
    for (const file of sourceFiles('test/electron').filter((f) => f.endsWith('.test.ts'))) {
      for (const line of readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.includes("'--no-sandbox'"))) {
        expect(line, file).toMatch(/process\.getuid\?\.\(\) === 0 \? \['--no-sandbox'\]/);
      }
    }
  });
});
