// `npm test`: every check and every test runner, then one closing line that sums them all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureSystemDependencies } from './system-deps.mjs';
import { displayPrefix, machineDisplayFacts } from './with-display.mjs';

const MIN_NODE = [22, 12];
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
  console.error(
    `npm test needs Node.js ${MIN_NODE.join('.')} or newer (Electron 45, Vitest 5 and undici 8 require it); this is ${process.versions.node}.\n` +
      'Install a newer Node, or run `bash .ci/run`, which installs Node 24 into .tools/ when needed.',
  );
  process.exit(1);
}

const deps = ensureSystemDependencies();
if (!deps.ok) {
  console.error(deps.message);
  process.exit(1);
}

const steps = [];
function run(name, command, args) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  steps.push({ name, ok: status === 0, seconds });
  return status === 0;
}

run('build', 'npm', ['run', '--silent', 'build']);
run('typecheck (node)', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']);
run('typecheck (web)', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']);
run('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
run('format', 'npx', ['prettier', '--check', '.']);
// Static Electron security scan (electronegativity), offline; every finding explained in security-scan.config.json.
run('security scan', 'node', ['scripts/security-scan.mjs']);

const report = 'test-results/vitest.json';
mkdirSync('test-results', { recursive: true });
rmSync(report, { force: true });
// Under xvfb-run when Electron can run here but there is no display (scripts/with-display.mjs).
const display = displayPrefix(machineDisplayFacts());
if ('error' in display) {
  console.error(display.error);
  steps.push({ name: 'a display for the Electron tests', ok: false, seconds: '0.0' });
}
const [testProgram, ...testPrefix] = [...('prefix' in display ? display.prefix : []), 'npx'];
run('tests (unit, renderer, integration, e2e, electron)', testProgram, [
  ...testPrefix,
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);

let passed = steps.filter((s) => s.ok && !s.name.startsWith('tests')).length;
let failed = steps.filter((s) => !s.ok && !s.name.startsWith('tests')).length;
let skipped = 0;
const skippedNames = [];
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests + (results.numTotalTestSuites > 0 && results.numTotalTests === 0 ? 1 : 0);
  skipped += results.numPendingTests + results.numTodoTests;
  for (const file of results.testResults) {
    for (const test of file.assertionResults) {
      if (test.status === 'pending' || test.status === 'skipped' || test.status === 'todo') skippedNames.push(test.fullName);
    }
    // A file that failed to load has no assertions but must still count as a failure.
    if (file.status === 'failed' && file.assertionResults.length === 0) failed += 1;
  }
} else {
  failed += 1;
}

console.log('\n=== summary');
for (const s of steps) console.log(`${s.ok ? 'ok  ' : 'FAIL'} ${s.name} (${s.seconds}s)`);
for (const name of skippedNames) console.log(`SKIPPED: ${name}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || steps.some((s) => !s.ok) ? 1 : 0);
