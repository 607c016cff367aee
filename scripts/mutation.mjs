// `npm run test:mutation [-- <stryker options>]`: `stryker run` with those options, then the mutation
// score of each module in test/mutation/targets.json, read from the JSON report. Stryker's own
// threshold is over all modules together; a strong module must not hide a weak one, so each must
// reach the break threshold on its own. `--check-only [--report=<file>]` reads a report without running.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import strykerConfig from '../stryker.config.mjs';
import targets from '../test/mutation/targets.json' with { type: 'json' };

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const minimum = strykerConfig.thresholds.break;

/** Turns a glob from the list (only `*` within one directory is used) into a test on a path. */
function globMatcher(glob) {
  const pattern = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
  return new RegExp(`^${pattern}$`);
}

const args = process.argv.slice(2);
let strykerFailed = false;
if (!args.includes('--check-only')) {
  const started = Date.now();
  // Below `thresholds.break` Stryker exits 1 after writing its report: the scores are still worth printing.
  const { status } = spawnSync('npx', ['stryker', 'run', ...args], { stdio: 'inherit' });
  console.log(`\nstryker run ${args.join(' ')}: ${((Date.now() - started) / 60_000).toFixed(1)} minutes, exit ${status}`);
  strykerFailed = status !== 0;
}

const reportPath = args.find((a) => a.startsWith('--report='))?.slice('--report='.length) ?? 'reports/mutation/mutation.json';
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const files = Object.entries(report.files).map(([path, file]) => [relative(process.cwd(), resolve(path)), file]);
// A run over some modules only (`--mutate <path>`) says nothing about the others.
const partial = args.some((a) => a === '-m' || a === '--mutate' || a.startsWith('--mutate=') || a.startsWith('--report='));

let failed = false;
for (const target of targets) {
  const matchers = target.mutate.map(globMatcher);
  const mutants = files.filter(([path]) => matchers.some((m) => m.test(path))).flatMap(([, file]) => file.mutants);
  if (mutants.length === 0) {
    if (!partial) {
      console.log(`FAIL ${target.name}: no mutants in the report (does its "mutate" list match any file?)`);
      failed = true;
    }
    continue;
  }
  const detected = mutants.filter((m) => DETECTED.has(m.status)).length;
  const undetected = mutants.filter((m) => UNDETECTED.has(m.status));
  const score = (100 * detected) / (detected + undetected.length);
  const ok = score >= minimum;
  failed ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${target.name}: ${score.toFixed(1)} % (${detected} of ${detected + undetected.length} mutants detected)`,
  );
  for (const m of undetected) {
    const file = files.find(([, f]) => f.mutants.includes(m))[0];
    console.log(
      `       ${m.status}: ${file}:${m.location.start.line} ${m.mutatorName}${m.replacement ? ` → ${m.replacement.split('\n')[0].slice(0, 80)}` : ''}`,
    );
  }
}
if (failed) {
  console.error(
    `\nA module is below ${minimum} %: kill its surviving mutants with a test, or, if one is truly equivalent, say why (docs/mutation-testing.md).`,
  );
}
process.exit(failed || strykerFailed ? 1 : 0);
