import { describe, expect, it } from 'vitest';
import { displayPrefix, XVFB_RUN } from '../../../scripts/with-display.mjs';
import { runCommand } from '../../fixtures/run-command';

const linuxWithRuntime = { platform: 'linux', env: {}, runtimePresent: true, hasXvfbRun: true };

describe('scripts/with-display.mjs: a display for the Electron tests', () => {
  it('Linux with a runtime and no display: under xvfb-run', () => {
    expect(displayPrefix(linuxWithRuntime)).toEqual({ prefix: XVFB_RUN });
  });

  it('as it is with a display (X or Wayland), without a runtime (the tests skip), and on macOS and Windows', () => {
    expect(displayPrefix({ ...linuxWithRuntime, env: { DISPLAY: ':0' } })).toEqual({ prefix: [] });
    expect(displayPrefix({ ...linuxWithRuntime, env: { WAYLAND_DISPLAY: 'wayland-0' } })).toEqual({ prefix: [] });
    expect(displayPrefix({ ...linuxWithRuntime, runtimePresent: false })).toEqual({ prefix: [] });
    expect(displayPrefix({ ...linuxWithRuntime, platform: 'darwin' })).toEqual({ prefix: [] });
    expect(displayPrefix({ ...linuxWithRuntime, platform: 'win32' })).toEqual({ prefix: [] });
  });

  it('a runtime, no display and no xvfb-run: says which package to install', () => {
    expect(displayPrefix({ ...linuxWithRuntime, hasXvfbRun: false })).toEqual({
      error: expect.stringContaining('apt-get install -y xvfb xauth'),
    });
  });

  it.runIf(process.platform === 'linux')('the xvfb-run prefix gives a command a running X server to talk to', async () => {
    const env = { ...process.env };
    delete env['DISPLAY'];
    const [program, ...args] = [...XVFB_RUN, 'sh', '-c', 'echo "$DISPLAY"; test -S "/tmp/.X11-unix/X${DISPLAY#:}" && echo ok'];
    const result = await runCommand(program, args, { env, timeoutMs: 30_000 });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^:\d+\nok\n$/);
  });
});
