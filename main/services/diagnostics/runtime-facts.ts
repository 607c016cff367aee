import { arch, platform, release } from 'node:os';

/** The process and machine the app runs on, as far as support needs them. */
export interface RuntimeFacts {
  versions: { electron?: string; chromium?: string; node: string; v8: string };
  os: { platform: string; release: string; arch: string };
  locale: string;
}

/**
 * Read where the services run: in Electron's main process `process.versions` names Electron and
 * Chromium too; in the harness and on the command line they are simply absent.
 */
export function currentRuntime(): RuntimeFacts {
  const { electron, chrome, node, v8 } = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string };
  return {
    versions: { ...(electron ? { electron } : {}), ...(chrome ? { chromium: chrome } : {}), node, v8 },
    os: { platform: platform(), release: release(), arch: arch() },
    locale: Intl.DateTimeFormat().resolvedOptions().locale,
  };
}
