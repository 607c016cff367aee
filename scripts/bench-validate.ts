// `npm run bench:validate`: the figures behind the validation engine's closing note. Not a test:
// it measures, on this machine, against real registries on loopback, and prints a table.
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { validateRegistry, type ValidateOptions } from '../main/services/oci/validate';
import { ValidationRequestSchema, type ValidationRequestInput } from '../shared/model/validation';
import { startSilentServer } from '../test/fixtures/hostile-servers';
import { createPki } from '../test/fixtures/pki';
import { startRegistry } from '../test/fixtures/registry';
import { runCommand } from '../test/fixtures/run-command';
import { skopeoLogin } from '../test/fixtures/skopeo';
import { createTempDir } from '../test/fixtures/temp-dir';
import { startTokenServer } from '../test/fixtures/token-server';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 15);
const ALICE = { username: 'alice', password: 'bench-password' };
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function validate(input: ValidationRequestInput, extra: Pick<ValidateOptions, 'signal' | 'onProgress'> = {}) {
  let requests = 0;
  const report = await validateRegistry(ValidationRequestSchema.parse({ proxy: { fromEnvironment: false }, ...input }), {
    env: {},
    onRequestCount: (n) => (requests = n),
    ...extra,
  });
  return { report, requests };
}

const dir = await createTempDir('bench');
const pki = await createPki(dir.path);
const tls = { certificate: pki.leaf.fullchain, key: pki.leaf.key };
const basic = await startRegistry({ tls, auth: { kind: 'htpasswd', users: [ALICE] } });
const tokens = await startTokenServer({ users: [ALICE], tls });
const token = await startRegistry({ tls, auth: tokens.registryAuth });
const silent = await startSilentServer({ tls });
const rows: string[][] = [];
try {
  const trust = { tls: { caPem: pki.root.certPem } };
  const basicRun = await validate({ endpoint: basic.endpoint, ...ALICE, ...trust });
  const tokenRun = await validate({ endpoint: token.endpoint, ...ALICE, ...trust });
  rows.push(['HTTP requests per verdict, Basic registry', `${basicRun.requests}`, '3: /v2/ challenge, /v2/ with credentials, _catalog']);
  rows.push([
    'HTTP requests per verdict, token registry',
    `${tokenRun.requests}`,
    '5: /v2/, token, /v2/ with token, catalog token, _catalog',
  ]);

  // Whole processes, side by side, alternating so neither gets a warmer machine.
  const bin = resolve('bin/regdesk.js');
  const ours: number[] = [];
  const skopeo: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let started = performance.now();
    const result = await runCommand(
      process.execPath,
      [bin, 'validate', basic.endpoint, '-u', 'alice', '--password-stdin', '--ca-file', pki.root.cert],
      { stdin: ALICE.password },
    );
    ours.push(performance.now() - started);
    if (result.exitCode !== 0) throw new Error(`regdesk validate failed: ${result.stdout}${result.stderr}`);
    started = performance.now();
    const login = await skopeoLogin({ hostPort: basic.hostPort, ...ALICE, trustedCaPems: [pki.root.certPem] });
    skopeo.push(performance.now() - started);
    if (login.exitCode !== 0) throw new Error(`skopeo login failed: ${login.stderr}`);
  }
  rows.push([
    `regdesk validate, whole process (median of ${RUNS})`,
    ms(median(ours)),
    `skopeo login on the same registry: ${ms(median(skopeo))}`,
  ]);

  const deadlineMs = 3000;
  const started = performance.now();
  const silentRun = await validate({ endpoint: silent.url, ...trust, deadlineMs });
  const verdict = silentRun.report.steps.find((s) => s.status === 'fail')?.problem?.code;
  rows.push(['Time to verdict on a silent server', ms(performance.now() - started), `deadline ${deadlineMs} ms; verdict ${verdict}`]);

  const latencies: number[] = [];
  for (let i = 0; i < 10; i++) {
    const controller = new AbortController();
    let cancelledAt = 0;
    await validate(
      { endpoint: silent.url, ...trust, deadlineMs: 20_000 },
      {
        signal: controller.signal,
        onProgress: (step) => {
          if (step.id === 'registry-api' && step.status === 'running') {
            setTimeout(() => {
              cancelledAt = performance.now();
              controller.abort();
            }, 100);
          }
        },
      },
    );
    latencies.push(performance.now() - cancelledAt);
  }
  rows.push([
    'Cancel latency (median of 10, cancelled mid-request)',
    `${median(latencies).toFixed(1)} ms`,
    `max ${Math.max(...latencies).toFixed(1)} ms`,
  ]);
} finally {
  await Promise.all([basic.stop(), token.stop(), tokens.close(), silent.close()]);
  await dir.cleanup();
}

console.log('| measure | value | compared with |\n| --- | --- | --- |');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
