// Validation against local registries (real docker-registry, TLS from a throwaway PKI): in-process
// latency, HTTP requests per verdict (counted by the engine and by the servers), and the whole
// `regdesk validate` process against `skopeo login` (process-race.ts).
import { startRegistry } from '../../test/fixtures/registry';
import { startTokenServer } from '../../test/fixtures/token-server';
import { BASIC_VERDICT_MAX_REQUESTS, REGDESK_VS_SKOPEO_MAX_RATIO, TOKEN_VERDICT_MAX_REQUESTS } from '../../test/integration/budgets/budgets';
import { startCountingFront, type CountingFront } from '../../test/integration/budgets/counting-front';
import { raceProcesses } from './process-race';
import { atMost, ms, type Gap, type Row, type SectionResult } from './report';
import { BENCH_USER, withTlsScene } from './scene';
import { summarize } from './stats';
import { timedValidation, verdictCode } from './validate-run';

const WARM_UP = 5;

export interface ValidationBenchOptions {
  /** In-process verdicts per registry kind (the issue asks for 50). */
  readonly latencyRuns: number;
  /** Interleaved rounds of the whole-process comparison. */
  readonly processRounds: number;
  /** The `regdesk` launcher to time (a copy of this run's build). */
  readonly regdeskBin: string;
}

export async function benchValidation(options: ValidationBenchOptions): Promise<SectionResult> {
  return withTlsScene('bench-validation', async ({ dir, pki, tls, defer }) => {
    const tokens = await startTokenServer({ users: [BENCH_USER], tls });
    defer(tokens.close);
    const [basic, token] = await Promise.all([
      startRegistry({ tls, auth: { kind: 'htpasswd', users: [BENCH_USER] } }),
      startRegistry({ tls, auth: tokens.registryAuth }),
    ]);
    defer(basic.stop, token.stop);
    const trust = { tls: { caPem: pki.root.certPem } };

    const latency = async (endpoint: string) => {
      const samples: number[] = [];
      const counts = new Set<number>();
      const verdicts = new Set<string>();
      for (let i = 0; i < WARM_UP + options.latencyRuns; i++) {
        const run = await timedValidation({ endpoint, ...BENCH_USER, ...trust });
        if (i < WARM_UP) continue;
        samples.push(run.elapsed);
        counts.add(run.requests);
        verdicts.add(run.report.ok ? 'validated' : verdictCode(run.report));
      }
      return { samples, summary: summarize(samples), requestCounts: [...counts], verdicts: [...verdicts] };
    };
    const basicLatency = await latency(basic.endpoint);
    const tokenLatency = await latency(token.endpoint);

    const countAtServers = async (upstream: string) => {
      const front = await startCountingFront({ upstream, upstreamCaPem: pki.root.certPem, tls });
      defer(front.close);
      tokens.clearRequests();
      const run = await timedValidation({ endpoint: front.endpoint, ...BENCH_USER, ...trust });
      return { engine: run.requests, registry: front.requests(), tokenServer: tokens.requests().length, verdict: verdictCode(run.report) };
    };
    const basicCount = await countAtServers(basic.endpoint);
    const tokenCount = await countAtServers(token.endpoint);

    const race = await raceProcesses({
      registry: basic,
      password: BENCH_USER.password,
      username: BENCH_USER.username,
      pki,
      dir,
      rounds: options.processRounds,
      bin: options.regdeskBin,
      maxRatio: REGDESK_VS_SKOPEO_MAX_RATIO,
      where: 'on loopback',
    });

    const rows: Row[] = [];
    const gaps: Gap[] = [];
    for (const [kind, result] of [
      ['Basic', basicLatency],
      ['token', tokenLatency],
    ] as const) {
      const s = result.summary;
      const right = result.verdicts.length === 1 && result.verdicts[0] === 'validated';
      rows.push({
        measure: `In-process verdict, ${kind} over TLS: median / p95`,
        value: `${ms(s.median, 1)} / ${ms(s.p95, 1)}`,
        budget: '—',
        verdict: right ? 'reported' : `WRONG VERDICT: ${result.verdicts.join(', ')}`,
        note: `${s.n} runs after ${WARM_UP} warm-up; min ${ms(s.min, 1)}, max ${ms(s.max, 1)}`,
      });
    }
    rows.push(requestRow('Basic', basicCount, BASIC_VERDICT_MAX_REQUESTS, 'protocol minimum 3: /v2/ challenge, /v2/ with the credentials, base-path check', gaps));
    rows.push(
      requestRow('token', tokenCount, TOKEN_VERDICT_MAX_REQUESTS, 'protocol minimum 4: /v2/ challenge, token (with the catalog scope), /v2/ with the token, base-path check', gaps),
    );
    rows.push(...race.rows);
    gaps.push(...race.gaps);
    return {
      id: 'validation',
      title: 'Validation against local registries',
      about:
        'Real `docker-registry` processes on loopback over TLS (a throwaway CA the client trusts): one with Basic (htpasswd), one with ' +
        'token auth (an in-process token server). Empty registries, so a verdict is API check, authentication and base-path check. ' +
        '"Received" counts what reached a counting TLS front before the registry plus what the token server logged.',
      rows,
      gaps,
      raw: {
        latencyMs: { basic: basicLatency, token: tokenLatency },
        requestsPerVerdict: { basic: basicCount, token: tokenCount },
        wholeProcess: race.raw,
      },
    };
  });
}

function requestRow(
  kind: string,
  count: { engine: number; registry: ReturnType<CountingFront['requests']>; tokenServer: number; verdict: string },
  limit: number,
  minimum: string,
  gaps: Gap[],
): Row {
  const received = count.registry.length + count.tokenServer;
  const worst = Math.max(received, count.engine);
  const agree = received === count.engine;
  const verdict = count.verdict === 'validated' ? atMost(worst, limit, (n) => `${n} request${n === 1 ? '' : 's'}`) : `WRONG VERDICT: ${count.verdict}`;
  if (verdict.startsWith('missed')) {
    gaps.push({
      measure: `HTTP requests per ${kind} verdict`,
      missedBy: `${worst} against at most ${limit}, ${verdict}`,
      close: 'Ask the token service for the catalog scope in the first token request, so one token serves both the /v2/ check and the catalog.',
    });
  }
  const seen = count.registry.map((r) => `${r.method} ${r.path.split('?')[0]} → ${r.status}`).join(', ');
  return {
    measure: `HTTP requests per ${kind} verdict`,
    value: `${count.engine} counted by the engine; ${received} received${agree ? '' : ' (DISAGREE)'}`,
    budget: `≤ ${limit}`,
    verdict,
    note: `${minimum}. Registry saw: ${seen}${count.tokenServer ? `; token server: ${count.tokenServer}` : ''}`,
  };
}
