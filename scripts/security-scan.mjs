// `node scripts/security-scan.mjs [--config security-scan.config.json] [--root .]`: the static Electron
// security scan (electronegativity) as a gate. Every finding must be listed in the config with its
// check id, file and a written reason; anything else fails, and so does an accepted finding that no
// longer occurs (the config stays true) or a file the scanner could not parse (it was not scanned).
//
// Offline by design: electronegativity fetches translations (dist/locales/i18n.js, on every run) and
// Electron's release list (AvailableSecurityFixesGlobalCheck) with `got`. Without a network, got 11
// retries after the promise has settled and crashes the process ("The `onCancel` handler was attached
// after the promise settled", sindresorhus/got#1489). So the scan runs in a child process whose `got`
// refuses at once: the bundled en-US texts are used, and the release check is excluded in the config.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const SCANNER_DIR = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const SELF = fileURLToPath(import.meta.url);
const DEFAULT_TIMEOUT_SECONDS = 120;
const MIN_REASON_LENGTH = 20;

if (process.argv[2] === '--scan-staged') {
  await scanStaged(process.argv[3], process.argv[4], JSON.parse(process.argv[5]));
} else {
  process.exit(gate(parseArgs(process.argv.slice(2))));
}

function parseArgs(args) {
  const options = { config: 'security-scan.config.json', root: '.' };
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i]?.replace(/^--/, '');
    if (!(key in options) || args[i + 1] === undefined) {
      console.error('usage: node scripts/security-scan.mjs [--config FILE] [--root DIR]');
      process.exit(2);
    }
    options[key] = args[i + 1];
  }
  return options;
}

/** Stages the inputs, scans them in a child process with a deadline, and judges the findings. */
function gate({ config: configPath, root }) {
  const config = readConfig(configPath);
  if (typeof config === 'string') return fail(2, `${configPath}: ${config}`);

  const missing = config.inputs.filter((input) => !existsSync(resolve(root, input)));
  if (missing.length > 0) return fail(2, `missing scan input: ${missing.join(', ')} (run \`npm run build\` first for out/).`);

  const staged = mkdtempSync(join(tmpdir(), 'regdesk-scan-'));
  try {
    // One tree, laid out like the repository, so findings name repository paths and the global
    // checks (navigation limits, permission handler, CSP) see the whole app at once.
    for (const input of config.inputs) {
      cpSync(resolve(root, input), join(staged, 'app', input), {
        recursive: true,
        filter: (src) => !src.split(sep).includes('node_modules'),
      });
    }
    const resultFile = join(staged, 'result.json');
    const scanOptions = {
      electronVersion: config.electronVersion ?? installedElectronVersion(),
      exclude: config.excludedChecks.map((e) => e.check),
    };
    const timeoutSeconds = config.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
    const child = spawnSync(process.execPath, [SELF, '--scan-staged', join(staged, 'app'), resultFile, JSON.stringify(scanOptions)], {
      encoding: 'utf8',
      timeout: timeoutSeconds * 1000,
      killSignal: 'SIGKILL',
    });
    if (child.error?.code === 'ETIMEDOUT' || child.signal) return fail(1, `electronegativity did not finish within ${timeoutSeconds}s.`);
    if (child.status !== 0 || !existsSync(resultFile)) {
      return fail(1, `electronegativity failed (exit ${child.status}):\n${child.stderr || child.stdout}`);
    }
    return judge(JSON.parse(readFileSync(resultFile, 'utf8')), config);
  } finally {
    rmSync(staged, { recursive: true, force: true });
  }
}

/** The config, or a sentence saying what is wrong with it. */
function readConfig(path) {
  let config;
  try {
    config = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return `cannot read it: ${error.message}`;
  }
  if (!Array.isArray(config.inputs) || config.inputs.length === 0) return '"inputs" must list the folders and files to scan.';
  if (config.timeoutSeconds !== undefined && !(config.timeoutSeconds > 0)) return '"timeoutSeconds" must be a positive number.';
  config.excludedChecks ??= [];
  config.accepted ??= [];
  const knownChecks = listChecks();
  for (const excluded of config.excludedChecks) {
    if (!knownChecks.includes(excluded.check)) return `excluded check "${excluded.check}" is not an electronegativity check.`;
    if (!hasReason(excluded)) return `excluded check "${excluded.check}" needs a reason (at least ${MIN_REASON_LENGTH} characters).`;
  }
  for (const accepted of config.accepted) {
    if (typeof accepted.check !== 'string' || typeof accepted.file !== 'string') return 'every accepted finding needs "check" and "file".';
    if (!hasReason(accepted))
      return `accepted ${accepted.check} in ${accepted.file} needs a reason (at least ${MIN_REASON_LENGTH} characters).`;
    if (accepted.count !== undefined && !(Number.isInteger(accepted.count) && accepted.count > 0)) {
      return `accepted ${accepted.check} in ${accepted.file}: "count" must be a positive integer.`;
    }
  }
  return config;
}

function hasReason(entry) {
  return typeof entry.reason === 'string' && entry.reason.trim().length >= MIN_REASON_LENGTH;
}

/** Check class names as electronegativity's -x option takes them. */
function listChecks() {
  const checksDir = join(SCANNER_DIR, 'dist/finder/checks');
  return ['AtomicChecks', 'GlobalChecks'].flatMap((kind) =>
    readdirSync(join(checksDir, kind))
      .filter((file) => file.endsWith('.js') && file !== 'index.js')
      .map((file) => file.slice(0, -'.js'.length)),
  );
}

function installedElectronVersion() {
  return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
}

/** Prints every finding with its verdict; 0 only when each is explained and each explanation still applies. */
function judge({ findings, unparsed, checks, refusedHosts }, config) {
  const key = (check, file) => `${check}\u0000${file}`;
  const found = new Map();
  for (const finding of findings)
    found.set(key(finding.check, finding.file), [...(found.get(key(finding.check, finding.file)) ?? []), finding]);

  const problems = [];
  const explained = new Set();
  for (const accepted of config.accepted) {
    const matches = found.get(key(accepted.check, accepted.file)) ?? [];
    const expected = accepted.count ?? 1;
    if (matches.length === 0) problems.push(`accepted ${accepted.check} in ${accepted.file} no longer occurs: remove it from the config.`);
    else if (matches.length !== expected) {
      problems.push(`${accepted.check} occurs ${matches.length} times in ${accepted.file}, the config explains ${expected}.`);
    } else explained.add(key(accepted.check, accepted.file));
  }

  console.log(`electronegativity: ${checks} checks on ${config.inputs.join(', ')}`);
  if (refusedHosts.length > 0) console.log(`  (offline: refused its requests to ${refusedHosts.join(', ')})`);
  for (const f of findings) {
    const verdict = explained.has(key(f.check, f.file)) ? 'accepted   ' : 'UNEXPLAINED';
    console.log(`  ${verdict} ${f.check} ${f.file}:${f.line}:${f.column} (${f.severity}, ${f.confidence}) ${f.description}`);
  }
  const unexplained = findings.filter((f) => !explained.has(key(f.check, f.file)));
  for (const file of unparsed) problems.push(`could not parse ${file.file}, so it was not scanned: ${file.message}`);
  for (const problem of problems) console.log(`  FAIL ${problem}`);
  console.log(
    `electronegativity: ${findings.length} findings, ${findings.length - unexplained.length} accepted with a reason, ` +
      `${unexplained.length} unexplained, ${problems.length} other problems`,
  );
  if (unexplained.length > 0) console.log('Fix the code, or add the finding to the config with the reason it is safe.');
  return unexplained.length > 0 || problems.length > 0 ? 1 : 0;
}

function fail(code, message) {
  console.error(`security scan: ${message}`);
  return code;
}

/** Child process: runs electronegativity's programmatic API on the staged tree, with no network. */
async function scanStaged(input, resultFile, { electronVersion, exclude }) {
  const gotPath = require.resolve('got', { paths: [SCANNER_DIR] });
  const refusedHosts = new Set();
  const refuse = (url) => {
    refusedHosts.add(new URL(String(url)).host);
    return Promise.reject(new Error('network disabled for the offline security scan'));
  };
  refuse.head = refuse;
  refuse.get = refuse;
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: refuse };

  const run = require(join(SCANNER_DIR, 'dist/runner.js'));
  const result = await run({
    input,
    electronVersionOverride: electronVersion,
    customScan: [],
    excludeFromScan: exclude,
    isRelative: true,
    parserPlugins: [],
  });
  const findings = result.issues.map((issue) => ({
    check: issue.id,
    file: issue.file,
    line: issue.location.line,
    column: issue.location.column,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    description: String(issue.description).replace(/\s+/g, ' ').trim(),
  }));
  const unparsed = result.errors.filter((e) => !e.tolerable).map((e) => ({ file: relative(input, e.file), message: e.message }));
  const checks = result.globalChecks + result.atomicChecks;
  writeFileSync(resultFile, JSON.stringify({ findings, unparsed, checks, refusedHosts: [...refusedHosts] }));
}
