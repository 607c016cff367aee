// Runs a command with a display for Electron: under `xvfb-run` on Linux when there is no X or
// Wayland display and an Electron runtime exists (so the _electron tests really run there); as it
// is everywhere else, and when there is no runtime (those tests skip, saying why).
//
//   node scripts/with-display.mjs CMD [ARGS...]
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { electronPackageDir, locateRuntime } from './electron-runtime.mjs';

/** A 24-bit screen larger than the window's minimum size (900×600); -a picks a free display number. */
export const XVFB_RUN = ['xvfb-run', '-a', '--server-args=-screen 0 1280x1024x24'];

/**
 * The prefix to run a command with: [] (as it is), XVFB_RUN, or an error naming what is missing.
 * @param {{ platform: string, env: Record<string, string | undefined>, runtimePresent: boolean, hasXvfbRun: boolean }} facts
 * @returns {{ prefix: string[] } | { error: string }}
 */
export function displayPrefix({ platform, env, runtimePresent, hasXvfbRun }) {
  if (platform !== 'linux' || !runtimePresent || env['DISPLAY'] || env['WAYLAND_DISPLAY']) return { prefix: [] };
  if (!hasXvfbRun) {
    return {
      error:
        'The Electron tests need a display: there is no DISPLAY, and xvfb-run is not installed.\n' +
        'Install it (Debian/Ubuntu: sudo apt-get install -y xvfb xauth) or run the tests inside a desktop session.',
    };
  }
  return { prefix: XVFB_RUN };
}

/** The facts of this machine that displayPrefix decides on. */
export function machineDisplayFacts(env = process.env) {
  const runtimePresent = (() => {
    try {
      return locateRuntime(electronPackageDir(), env).present;
    } catch {
      return false; // no electron package at all
    }
  })();
  const hasXvfbRun = spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
  return { platform: process.platform, env, runtimePresent, hasXvfbRun };
}

function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error('usage: node scripts/with-display.mjs CMD [ARGS...]');
    return 2;
  }
  const decision = displayPrefix(machineDisplayFacts());
  if ('error' in decision) {
    console.error(decision.error);
    return 1;
  }
  const [program, ...rest] = [...decision.prefix, command, ...args];
  return spawnSync(program, rest, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) process.exitCode = main();
