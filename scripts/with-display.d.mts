// Types for scripts/with-display.mjs (plain JS: it runs before anything is built).
export declare const XVFB_RUN: string[];
export interface DisplayFacts {
  platform: string;
  env: Record<string, string | undefined>;
  runtimePresent: boolean;
  hasXvfbRun: boolean;
}
export declare function displayPrefix(facts: DisplayFacts): { prefix: string[] } | { error: string };
export declare function machineDisplayFacts(env?: Record<string, string | undefined>): DisplayFacts;
