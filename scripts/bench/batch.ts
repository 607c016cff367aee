// Batch: 100 stored registries (Basic over TLS, spread over a few real registries), their
// passwords in the vault, validated through validateMany with a bounded pool.
import { checkRegistry, type RegistryCheck } from '../../main/services/validation/validate';
import { validateMany } from '../../main/services/validation/validate-batch';
import { ValidationRequestSchema, type ValidationRequest } from '../../shared/model/validation';
import { startRegistry, type RunningRegistry } from '../../test/fixtures/registry';
import { basicRecord, seedStore } from '../../test/fixtures/registry-records';
import { openTestServices } from '../../test/fixtures/storage-services';
import { mib, ms, type Row, type SectionResult } from './report';
import { BENCH_USER, withTlsScene } from './scene';
import { summarize } from './stats';
import { verdictCode } from './validate-run';

const RSS_SAMPLE_MS = 5;

export interface BatchBenchOptions {
  readonly registries: number;
  readonly servers: number;
  readonly concurrency: number;
}

export async function benchBatch(options: BatchBenchOptions): Promise<SectionResult> {
  return withTlsScene('bench-batch', async ({ dir, pki, tls, defer }) => {
    const servers: RunningRegistry[] = [];
    defer(() => Promise.all(servers.map((s) => s.stop())).then(() => undefined));
    for (let i = 0; i < options.servers; i++) servers.push(await startRegistry({ tls, auth: { kind: 'htpasswd', users: [BENCH_USER] } }));

    const dataDir = `${dir}/data`;
    seedStore(
      dataDir,
      Array.from({ length: options.registries }, (_, i) =>
        basicRecord({
          name: `batch-${String(i).padStart(3, '0')}`,
          endpoint: servers[i % servers.length]!.endpoint,
          baseContentPath: '',
          username: BENCH_USER.username,
          tls: { insecureSkipVerify: false, caPem: pki.root.certPem },
        }),
      ),
    );
    const opened = openTestServices(dataDir);
    const { services } = opened;
    try {
      for (const record of services.registries.list()) {
        await services.secrets.set({ registryId: record.id, field: 'password' }, BENCH_USER.password, 'persist');
      }
      // As the app would: each stored registry with its password from the vault.
      const requests: ValidationRequest[] = [];
      for (const record of services.registries.list()) {
        if (record.type !== 'basic') continue;
        requests.push(
          ValidationRequestSchema.parse({
            endpoint: record.endpoint,
            baseContentPath: record.baseContentPath,
            username: record.username,
            password: await services.secrets.reveal({ registryId: record.id, field: 'password' }),
            tls: record.tls,
            proxy: { fromEnvironment: false },
          }),
        );
      }

      let active = 0;
      let peakActive = 0;
      const run: RegistryCheck = async (request, runOptions) => {
        peakActive = Math.max(peakActive, ++active);
        try {
          return await checkRegistry(request, runOptions);
        } finally {
          active -= 1;
        }
      };
      const rssBefore = process.memoryUsage.rss();
      let peakRss = rssBefore;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), RSS_SAMPLE_MS);
      const started = performance.now();
      const results = await validateMany(requests, { concurrency: options.concurrency, run, env: {} });
      const total = performance.now() - started;
      clearInterval(sampler);
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
      const maxRssLifetime = process.resourceUsage().maxRSS * 1024;

      const reports = results.flatMap((r) => (r.status === 'reported' ? [r.report] : []));
      const verdicts = new Map<string, number>();
      for (const report of reports) verdicts.set(verdictCode(report), (verdicts.get(verdictCode(report)) ?? 0) + 1);
      const durations = summarize(reports.map((r) => r.durationMs));
      const allValidated = reports.length === requests.length && verdicts.get('validated') === requests.length;
      const verdictText = [...verdicts].map(([code, n]) => `${n} ${code}`).join(', ');
      const rows: Row[] = [
        {
          measure: `${requests.length} registries, concurrency ${options.concurrency}: total time`,
          value: ms(total),
          budget: '—',
          verdict: allValidated ? 'reported' : `WRONG VERDICT: ${verdictText}`,
          note: `${verdictText}; ${options.servers} registries behind them; one validation median ${ms(durations.median)}, max ${ms(durations.max)}`,
        },
        {
          measure: 'Peak RSS of the Node process during the batch',
          value: `${mib(peakRss)} (+${mib(peakRss - rssBefore)} over the start of the batch)`,
          budget: '—',
          verdict: 'reported',
          note:
            `the whole bench process (earlier sections loaded Playwright and the harness): process.memoryUsage.rss() sampled every ` +
            `${RSS_SAMPLE_MS} ms, ${mib(rssBefore)} at the start; high-water mark of the process so far (process.resourceUsage().maxRSS) ${mib(maxRssLifetime)}`,
        },
        {
          measure: 'Validations running at once, at most',
          value: String(peakActive),
          budget: `≤ ${options.concurrency}`,
          verdict: peakActive <= options.concurrency ? 'met' : `missed by ${peakActive - options.concurrency}`,
          note: 'counted around each engine call',
        },
      ];
      return {
        id: 'batch',
        title: 'Batch validation',
        about:
          `${requests.length} registries stored in a data folder (Basic over TLS, spread over ${options.servers} real \`docker-registry\` processes), ` +
          'their passwords written to and read back from the secrets vault, validated in-process by `validateMany` ' +
          `(main/services/validation/validate-batch.ts) with at most ${options.concurrency} at once.`,
        rows,
        gaps: [],
        raw: {
          totalMs: total,
          concurrency: options.concurrency,
          peakActive,
          verdicts: Object.fromEntries(verdicts),
          validationMs: durations,
          rss: { beforeBytes: rssBefore, peakSampledBytes: peakRss, sampleEveryMs: RSS_SAMPLE_MS, lifetimeMaxRssBytes: maxRssLifetime },
        },
      };
    } finally {
      opened.close();
    }
  });
}
