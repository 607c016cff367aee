import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Configuration } from 'app-builder-lib';
import FpmTarget from 'app-builder-lib/out/targets/FpmTarget';
import { LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper';
import { beforeAll, describe, expect, it } from 'vitest';
import { linuxPackager } from '../../../scripts/bench/pack-size';
import { effectiveConfig, RELEASE_CONFIG } from './builder-config';

let release: Configuration;
beforeAll(async () => {
  release = await effectiveConfig(RELEASE_CONFIG);
});

/** A Debian dependency list as alternatives: "a | b" → ["a", "b"]. */
const alternatives = (depends: readonly string[]): string[][] => depends.map((entry) => entry.split('|').map((name) => name.trim()));

describe('the deb’s dependencies', () => {
  const depends = (): string[] => release.deb?.depends ?? [];

  it('keep every package electron-builder declares by default (setting depends replaces its list)', () => {
    const defaults = (FpmTarget.prototype as unknown as { getDefaultDepends(target: string): string[] }).getDefaultDepends('deb');
    expect(defaults.length).toBeGreaterThan(5);
    const offered = alternatives(depends());
    for (const name of defaults)
      expect(
        offered.some((choices) => choices.includes(name)),
        name,
      ).toBe(true);
  });

  it('add what Chromium loads and the default omits: libgbm1 and ALSA, under both its Debian 12 and its 64-bit-time name', () => {
    const offered = alternatives(depends());
    expect(offered).toContainEqual(['libgbm1']);
    expect(offered).toContainEqual(['libasound2t64', 'libasound2']);
  });

  it('pair every …t64 name (Debian 13, Ubuntu 24.04) with its older name', () => {
    for (const choices of alternatives(depends())) {
      const t64 = choices.find((name) => name.endsWith('t64'));
      if (t64) expect(choices).toContain(t64.slice(0, -3));
    }
  });

  /** apt's candidate version for each name, in one call (apt-cache is slow to start). */
  const candidates = (names: readonly string[]): Map<string, string> => {
    const output = spawnSync('apt-cache', ['policy', ...names], { encoding: 'utf8' }).stdout ?? '';
    return new Map(
      [...output.matchAll(/^(\S+):\n\s+Installed: .*\n\s+Candidate: (.*)$/gm)].map(([, name, version]) => [name ?? '', version ?? '']),
    );
  };
  const aptHasLists = candidates(['libc6']).get('libc6')?.startsWith('(') === false;
  it.runIf(aptHasLists)(
    'name packages this Debian release knows (each entry has an alternative apt can install)',
    () => {
      const offered = alternatives(depends());
      const known = candidates(offered.flat());
      for (const choices of offered) {
        expect(
          choices.filter((name) => (known.get(name) ?? '(none)') !== '(none)'),
          choices.join(' | '),
        ).not.toEqual([]);
      }
    },
    60_000,
  );
});

describe('the Linux desktop entry matches the window', () => {
  // Electron names the window after package.json "desktopName" without ".desktop": X11 WM_CLASS and
  // Wayland app_id (shell/browser/native_window_views.cc, platform_util::GetXdgAppId).
  const windowClass = (): string => {
    const { desktopName } = JSON.parse(readFileSync('package.json', 'utf8')) as { desktopName?: string };
    if (!desktopName) throw new Error('package.json has no desktopName');
    return desktopName.replace(/\.desktop$/, '');
  };

  it('StartupWMClass, as electron-builder writes the desktop file, is the window’s class', async () => {
    const linux = await linuxPackager();
    const entry = await new LinuxTargetHelper(linux).computeDesktopEntry(linux.platformSpecificBuildOptions);
    expect(entry).toContain(`\nStartupWMClass=${windowClass()}\n`);
  }, 60_000);

  it('the desktop file is named after the same name (Wayland matches app_id to the file name)', async () => {
    const linux = await linuxPackager();
    expect(new LinuxTargetHelper(linux).getDesktopFileName()).toBe(windowClass());
    expect(release.linux?.executableName).toBe(windowClass());
  }, 60_000);
});
