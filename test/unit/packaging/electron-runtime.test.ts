import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebServer, type RecordingServer } from '../../fixtures/hostile-servers';
import { runCommand } from '../../fixtures/run-command';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';
import { installedElectronVersion } from './builder-config';

const SCRIPT = resolve('scripts/electron-runtime.mjs');

/**
 * A project whose `electron` package is a copy of the installed one without a runtime (as after
 * `npm ci` on a fresh clone), so the script fetches for real without touching this checkout's
 * node_modules. Its @electron/get is the real one, by symlink.
 */
function freshClone(root: string): void {
  writeFileSync(join(root, 'package.json'), '{ "name": "fresh-clone", "private": true }\n');
  mkdirSync(join(root, 'node_modules'));
  cpSync(resolve('node_modules/electron'), join(root, 'node_modules/electron'), {
    recursive: true,
    filter: (source) => !/[\\/]dist$|path\.txt$/.test(source),
  });
  symlinkSync(resolve('node_modules/@electron'), join(root, 'node_modules/@electron'), 'dir');
}

/** The environment of a machine without a cache or a runtime, whose only "internet" is a loopback server. */
function offlineEnv(temp: TempDir, mirror: RecordingServer): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, electron_config_cache: join(temp.path, 'cache'), ELECTRON_MIRROR: `${mirror.url}/` };
  for (const name of Object.keys(env))
    if (/^(ELECTRON_OVERRIDE_DIST_PATH|ELECTRON_EXEC_PATH|npm_config_electron_|ELECTRON_CUSTOM)/i.test(name)) delete env[name];
  return env;
}

describe('scripts/electron-runtime.mjs (npm run dev, npm start)', () => {
  let temp: TempDir;
  let project: string;
  let mirror: RecordingServer;
  beforeEach(async () => {
    temp = await createTempDir('electron-runtime');
    project = join(temp.path, 'project');
    mkdirSync(project);
    freshClone(project);
    mirror = await startWebServer();
  });
  afterEach(async () => {
    await mirror.close();
    await temp.cleanup();
  });

  it('fetches the runtime when it is missing and, when that fails, prints the one message naming both ways to supply it', async () => {
    const env = offlineEnv(temp, mirror);
    const version = installedElectronVersion();
    const result = await runCommand(process.execPath, [SCRIPT, 'node', '-e', 'process.exit(0)'], { cwd: project, env, timeoutMs: 60_000 });

    const zip = `electron-v${version}-${process.platform}-${process.arch}.zip`;
    // It did try: the electron package's install.js asked the (loopback) mirror for the runtime.
    expect(mirror.requests().map((request) => request.path)).toContain(`/v${version}/${zip}`);
    expect(result.exitCode).toBe(1);

    // @electron/get's own answer for where that zip is cached, computed independently here.
    const getDir = resolve('node_modules/@electron/get/dist');
    const { Cache } = (await import(pathToFileURL(join(getDir, 'Cache.js')).href)) as {
      Cache: new (root?: string) => { getCachePath(url: string, file: string): string };
    };
    const folder = join(new Cache(env['electron_config_cache']).getCachePath(`${mirror.url}/v${version}/${zip}`, zip), '..');

    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toBe(`Electron ${version} is not installed yet: fetching it (the electron package's install.js)…`);
    expect(lines[1]).toMatch(
      new RegExp(
        `^Electron ${version.replace(/\./g, '\\.')} \\(the runtime this project runs on\\) is not on this machine, and downloading it failed \\(.*404.*\\)\\.$`,
      ),
    );
    expect(lines.slice(2)).toEqual([
      'Supply it in one of two ways, then run the command again:',
      `  1. Copy ${zip} (from a machine that has it, or from the Electron ${version} release) into`,
      `       ${folder}`,
      '     This is the download cache the electron package reads first (its root moves with electron_config_cache=DIR).',
      '  2. Or unpack that zip into a folder and name it in ELECTRON_OVERRIDE_DIST_PATH, e.g.',
      `       ELECTRON_OVERRIDE_DIST_PATH=/opt/electron-v${version} npm run dev`,
      'docs/packaging.md (The Electron runtime) has the details.',
    ]);
    // Nothing half-installed is left behind, and nothing was run.
    expect(existsSync(join(project, 'node_modules/electron/path.txt'))).toBe(false);
    expect(result.stdout).toBe('');
  });

  it('an ELECTRON_OVERRIDE_DIST_PATH without a runtime in it is named, and nothing is downloaded', async () => {
    const empty = join(temp.path, 'empty-runtime');
    mkdirSync(empty);
    const env = { ...offlineEnv(temp, mirror), ELECTRON_OVERRIDE_DIST_PATH: empty };
    const result = await runCommand(process.execPath, [SCRIPT], { cwd: project, env, timeoutMs: 30_000 });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`ELECTRON_OVERRIDE_DIST_PATH is ${empty}, but`);
    expect(mirror.requests()).toEqual([]);
    expect(readdirSync(empty)).toEqual([]);
  });
});
