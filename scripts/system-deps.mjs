// What the tests need from the operating system, and how to get it. Plain JS: this runs before
// anything is built, possibly on an old Node.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** binary → Debian/Ubuntu package that provides it */
export const SYSTEM_DEPENDENCIES = [
  { binary: '/usr/bin/docker-registry', pkg: 'docker-registry', why: 'the real OCI registry the integration tests validate against' },
  { binary: 'skopeo', pkg: 'skopeo', why: 'the reference registry client' },
  { binary: 'chromium', pkg: 'chromium', why: 'end-to-end tests of the renderer' },
  { binary: 'openssl', pkg: 'openssl', why: 'TLS fixtures' },
  { binary: '/usr/bin/tinyproxy', pkg: 'tinyproxy', why: 'a real HTTP proxy for the proxy tests' },
  { binary: 'xvfb-run', pkg: 'xvfb', why: 'a display for the Electron tests on a machine without one (scripts/with-display.mjs)' },
  { binary: 'xauth', pkg: 'xauth', why: 'xvfb-run needs it' },
];

function found(binary) {
  if (binary.startsWith('/')) return existsSync(binary);
  return spawnSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' }).status === 0;
}

function isDebianLike() {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(release);
  } catch {
    return false;
  }
}

/** Installs what is missing when it can (root on Debian/Ubuntu); otherwise returns a message. */
export function ensureSystemDependencies(log = console.log) {
  const missing = SYSTEM_DEPENDENCIES.filter((d) => !found(d.binary));
  if (missing.length === 0) return { ok: true };
  const pkgs = missing.map((d) => d.pkg);
  const canInstall = process.getuid?.() === 0 && isDebianLike() && found('apt-get');
  if (!canInstall) {
    return {
      ok: false,
      message:
        `Missing system packages: ${pkgs.join(', ')}.\n` +
        missing.map((d) => `  - ${d.pkg}: ${d.why}`).join('\n') +
        `\nInstall them (Debian/Ubuntu: sudo apt-get install -y ${pkgs.join(' ')}) and run the tests again.`,
    };
  }
  log(`Installing missing system packages with apt-get: ${pkgs.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
  const still = SYSTEM_DEPENDENCIES.filter((d) => !found(d.binary));
  if (update.status !== 0 || install.status !== 0 || still.length > 0) {
    return { ok: false, message: `apt-get could not install: ${still.map((d) => d.pkg).join(', ') || pkgs.join(', ')}.` };
  }
  return { ok: true };
}
