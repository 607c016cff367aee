// `npm run dev` and `npm start` go through here: make sure the Electron runtime is on this
// machine, then run the given command (if any).
//
// Since Electron 42 the `electron` package has no install script: its index.js downloads the
// runtime the first time something asks for its path (npm/index.js and npm/install.js in
// https://github.com/electron/electron). electron-vite 6 looks for `path.txt` itself and stops with
// "Electron uninstall" without triggering that download. So this script runs the package's own
// install.js when the runtime is missing (it reads @electron/get's cache first, then downloads);
// when that fails (offline), it prints one message saying how to supply the runtime instead.
//
//   node scripts/electron-runtime.mjs                  ensure the runtime, then exit
//   node scripts/electron-runtime.mjs CMD [ARGS...]    ensure it, then run CMD with ELECTRON_EXEC_PATH set
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The installed `electron` package's folder, resolved from the project in the current directory. */
export function electronPackageDir(cwd = process.cwd()) {
  return dirname(createRequire(join(cwd, 'package.json')).resolve('electron/package.json'));
}

/** The executable inside an unpacked runtime, as the electron package's install.js names it. */
export function platformPath(platform = process.platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** Where the runtime's executable is, or should be, and whether it is there. */
export function locateRuntime(electronDir, env = process.env) {
  const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  const executable = override ? join(override, platformPath()) : join(electronDir, 'dist', platformPath());
  const versionFile = join(electronDir, 'dist', 'version');
  const installedVersion = existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim().replace(/^v/, '') : undefined;
  // An override is the user's choice of runtime; the package's own dist must also be this version.
  const present = existsSync(executable) && (override !== undefined || installedVersion === version);
  return { version, override, executable, present };
}

/** @electron/get's own answer to "where would the zip be cached", from the copy the electron package uses. */
async function cacheFolderFor(electronDir, version, env) {
  const getDir = dirname(createRequire(join(electronDir, 'package.json')).resolve('@electron/get'));
  const { Cache } = await import(pathToFileURL(join(getDir, 'Cache.js')).href);
  const { getArtifactRemoteURL, getArtifactFileName } = await import(pathToFileURL(join(getDir, 'artifact-utils.js')).href);
  const details = { version: `v${version}`, artifactName: 'electron', platform: process.platform, arch: process.arch };
  const url = await getArtifactRemoteURL(details);
  const zip = getArtifactFileName(details);
  return { zip, folder: dirname(new Cache(env['electron_config_cache'] || undefined).getCachePath(url, zip)) };
}

/** The one message an offline first run prints: two ways to supply the runtime, neither needing the network here. */
function offlineMessage({ version, zip, folder, reason }) {
  return [
    `Electron ${version} (the runtime this project runs on) is not on this machine, and downloading it failed${reason ? ` (${reason})` : ''}.`,
    'Supply it in one of two ways, then run the command again:',
    `  1. Copy ${zip} (from a machine that has it, or from the Electron ${version} release) into`,
    `       ${folder}`,
    `     This is the download cache the electron package reads first (its root moves with electron_config_cache=DIR).`,
    `  2. Or unpack that zip into a folder and name it in ELECTRON_OVERRIDE_DIST_PATH, e.g.`,
    `       ELECTRON_OVERRIDE_DIST_PATH=/opt/electron-v${version} npm run dev`,
    'docs/packaging.md (The Electron runtime) has the details.',
  ].join('\n');
}

/** The last meaningful line the failed download printed, for the message (never the whole stack). */
function failureReason(output) {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at '));
  const line =
    lines.find((l) => /^(Request|Http|Error|RequestError|HTTPError|TypeError)\b|fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED/.test(l)) ??
    lines[0];
  return line ? line.slice(0, 200) : undefined;
}

async function main() {
  const electronDir = electronPackageDir();
  let runtime = locateRuntime(electronDir);
  if (!runtime.present && runtime.override) {
    console.error(
      `ELECTRON_OVERRIDE_DIST_PATH is ${runtime.override}, but ${platformPath()} is not in it.\n` +
        `Point it at the folder an electron-v${runtime.version}-${process.platform}-${process.arch}.zip unpacks to, or unset it.`,
    );
    return 1;
  }
  if (!runtime.present) {
    console.error(`Electron ${runtime.version} is not installed yet: fetching it (the electron package's install.js)…`);
    const install = spawnSync(process.execPath, [join(electronDir, 'install.js')], { encoding: 'utf8', env: process.env });
    runtime = locateRuntime(electronDir);
    if (install.status !== 0 || !runtime.present) {
      const { zip, folder } = await cacheFolderFor(electronDir, runtime.version, process.env);
      console.error(
        offlineMessage({ version: runtime.version, zip, folder, reason: failureReason(`${install.stderr}\n${install.stdout}`) }),
      );
      return 1;
    }
  }
  const [command, ...args] = process.argv.slice(2);
  if (!command) return 0;
  // electron-vite reads ELECTRON_EXEC_PATH before its own path.txt lookup, which knows no override.
  const env = { ...process.env, ELECTRON_EXEC_PATH: process.env['ELECTRON_EXEC_PATH'] || runtime.executable };
  const run = spawnSync(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
  return run.status ?? 1;
}

// Run as a program (not when imported by scripts/with-display.mjs).
if (process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) process.exitCode = await main();
