// @ts-check
// `npm run test:mutation`: mutation testing of the modules that guard secrets and trust.
// Which modules, and which tests own each, is one list: test/mutation/targets.json. See docs/mutation-testing.md.
import targets from './test/mutation/targets.json' with { type: 'json' };

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: targets.flatMap((target) => target.mutate),
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  // Committed, so CI re-tests only the mutants whose code or tests changed.
  incrementalFile: 'reports/stryker-incremental.json',
  // The sandbox needs the sources, the tests and their fixtures only.
  ignorePatterns: [
    '/out',
    '/dist',
    '/docs',
    '/bench',
    '/build',
    '/renderer',
    '/.tools',
    '/.tmp',
    '/test-results',
    '/test/e2e',
    '/test/electron',
  ],
  // Every module must also reach 90 % on its own: scripts/mutation.mjs reads the JSON report.
  thresholds: { high: 95, low: 90, break: 90 },
  concurrency: 1,
  timeoutMS: 10_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
