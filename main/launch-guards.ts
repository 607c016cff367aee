/**
 * What the process was started with, decided before anything else runs. A packaged app trusts
 * nothing a development setup passes in: the dev-server variable would let any page stand in for
 * the app's own (and be trusted as its sender), and a debugging switch would let another program
 * read the main process, which holds decrypted secrets, or drive the window. Fuses already turn
 * Node's `--inspect` family off in release builds; no fuse covers Chromium's remote debugging.
 * https://www.electronjs.org/docs/latest/tutorial/fuses
 */
export interface LaunchFacts {
  isPackaged: boolean;
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** The app's own origin (app://regdesk), served from inside the package. */
  appOrigin: string;
}

/** `rendererOrigin` is the one origin whose pages may call IPC; `windowUrl` is what the window loads. */
export type LaunchDecision = { ok: true; rendererOrigin: string; windowUrl: string } | { ok: false; reason: string };

/** Chromium's remote debugging (port or pipe) and Node's inspector (--inspect, --inspect-brk, --inspect-port…). */
const DEBUG_SWITCH = /^(remote-debugging-(port|pipe)|inspect)/;

export function decideLaunch({ isPackaged, argv, env, platform, appOrigin }: LaunchFacts): LaunchDecision {
  const packaged = { ok: true, rendererOrigin: appOrigin, windowUrl: `${appOrigin}/index.html` } as const;
  if (!isPackaged) {
    // electron-vite sets this in development to its dev server.
    const devServerUrl = env['ELECTRON_RENDERER_URL'];
    return devServerUrl ? { ok: true, rendererOrigin: new URL(devServerUrl).origin, windowUrl: devServerUrl } : packaged;
  }
  const found = argv.slice(1).find((arg) => DEBUG_SWITCH.test(switchName(arg, platform)));
  if (found !== undefined) {
    const name = found.split('=')[0]!.slice(0, 60);
    return {
      ok: false,
      reason:
        `Pack Registry Desk was started with the debugging switch ${name}, which would let another program read ` +
        'the stored secrets or control the window. It does not run that way: start it without the switch.',
    };
  }
  return packaged;
}

/**
 * The switch name as Chromium reads it: after "--" or "-", and also "/" on Windows, where switch
 * names are case-insensitive (Chromium's base/command_line.cc,
 * https://source.chromium.org/chromium/chromium/src/+/main:base/command_line.cc). Anything else is not a switch.
 */
function switchName(arg: string, platform: NodeJS.Platform): string {
  const prefix = /^(--|-)/.exec(arg)?.[0] ?? (platform === 'win32' && arg.startsWith('/') ? '/' : '');
  // Lower-cased everywhere: refusing "--INSPECT" where it would be ignored costs nothing.
  return prefix === '' ? '' : arg.slice(prefix.length).toLowerCase();
}
