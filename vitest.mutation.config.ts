import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import targets from './test/mutation/targets.json' with { type: 'json' };

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// The tests Stryker runs against each mutant: those that own the mutated modules, listed in
// test/mutation/targets.json. Chosen here, not with Stryker's `testFiles`: with `testFiles` the
// runner loads the module before it plans module-level mutants, so those can never be killed.
export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(version) },
  test: {
    include: [...new Set(targets.flatMap((target) => target.tests))],
    environment: 'node',
  },
});
