// Failure speed: how long until the verdict when a registry cannot be used, and which verdict.
// Every case records its verdict code, so a fast but wrong answer shows as WRONG VERDICT.
import { startSilentServer } from '../../test/fixtures/hostile-servers';
import { findFreePort } from '../../test/fixtures/ports';
import { startRegistry } from '../../test/fixtures/registry';
import type { ValidationRequestInput } from '../../shared/model/validation';
import { atMost, ms, type Gap, type Row, type SectionResult } from './report';
import { withTlsScene } from './scene';
import { summarize } from './stats';
import { timedValidation, verdictCode } from './validate-run';

export interface FailureBenchOptions {
  /** Runs of each quick case (closed port, TLS errors, cancel). */
  readonly runs: number;
  /** Runs of each case that waits for its deadline. */
  readonly deadlineRuns: number;
  readonly deadlineMs: number;
}

interface Case {
  readonly measure: string;
  readonly input: ValidationRequestInput;
  readonly expected: string;
  readonly runs: number;
  /** When set, the verdict must come within this many ms. */
  readonly within?: number;
  readonly note: string;
}

export async function benchFailures(options: FailureBenchOptions): Promise<SectionResult> {
  return withTlsScene('bench-failures', async ({ pki, tls, defer }) => {
    const [selfSigned, wrongName, silentHttp, silentTls] = await Promise.all([
      startRegistry({ tls: { certificate: pki.selfSignedLeaf.cert, key: pki.selfSignedLeaf.key } }),
      startRegistry({ tls: { certificate: pki.wrongNameLeaf.fullchain, key: pki.wrongNameLeaf.key } }),
      startSilentServer({ tls }),
      startSilentServer(),
    ]);
    defer(selfSigned.stop, wrongName.stop, silentHttp.close, silentTls.close);
    // Bound by the OS, then released: nothing listens there now.
    const closedPort = await findFreePort('127.0.0.1');
    const trust = { tls: { caPem: pki.root.certPem } };
    const deadlineMs = options.deadlineMs;
    const cases: Case[] = [
      {
        measure: 'Closed port',
        input: { endpoint: `https://127.0.0.1:${closedPort}` },
        expected: 'tcp: TCP_REFUSED',
        runs: options.runs,
        note: 'a loopback port bound, then closed',
      },
      {
        measure: 'TLS error: untrusted self-signed certificate',
        input: { endpoint: selfSigned.endpoint },
        expected: 'tls: TLS_SELF_SIGNED',
        runs: options.runs,
        note: 'real registry presenting a self-signed leaf; only the system CAs trusted',
      },
      {
        measure: 'TLS error: certificate for another host name',
        input: { endpoint: wrongName.endpoint, ...trust },
        expected: 'tls: TLS_HOSTNAME_MISMATCH',
        runs: options.runs,
        note: 'real registry, chain trusted, only SAN DNS:wrong.example.test',
      },
      {
        measure: 'Silent server (TLS done, no HTTP answer)',
        input: { endpoint: silentHttp.url, ...trust, deadlineMs },
        expected: 'registry-api: NO_RESPONSE',
        runs: options.deadlineRuns,
        within: deadlineMs,
        note: `deadline ${deadlineMs} ms`,
      },
      {
        measure: 'Silent server (no TLS handshake)',
        input: { endpoint: `https://${silentTls.hostPort}`, deadlineMs },
        // The handshake wait ends a margin before the deadline (3 s), long before the 10 s default
        // connect timeout, with the cause as its verdict.
        expected: 'tls: NO_RESPONSE',
        runs: options.deadlineRuns,
        within: deadlineMs,
        note: `deadline ${deadlineMs} ms, shorter than the default 10 s connect timeout; the server accepts TCP and never sends a byte`,
      },
    ];

    const rows: Row[] = [];
    const gaps: Gap[] = [];
    const raw: Record<string, unknown> = {};
    for (const c of cases) {
      const samples: number[] = [];
      const codes = new Set<string>();
      for (let i = 0; i < c.runs; i++) {
        const run = await timedValidation(c.input);
        samples.push(run.elapsed);
        codes.add(verdictCode(run.report));
      }
      const s = summarize(samples);
      const got = [...codes];
      const right = got.length === 1 && got[0] === c.expected;
      const verdict = !right ? `WRONG VERDICT: ${got.join(', ')}` : c.within !== undefined ? atMost(s.max, c.within, (x) => ms(x)) : 'reported';
      if (verdict.startsWith('missed')) {
        const late = samples.filter((x) => x > c.within!).length;
        gaps.push({
          measure: c.measure,
          missedBy: `${late} of ${s.n} verdicts after the ${ms(c.within!)} deadline, the slowest at ${ms(s.max)}`,
          close:
            'The connection, the TLS handshake and each HTTP request give up 150 ms before the deadline (MARGIN_MS in ' +
            'main/services/net/http-client.ts), so a late verdict means a timer fired more than that late (a busy event loop or ' +
            'machine: see the load average). A margin sized from measured timer lateness would keep the promise.',
        });
      }
      rows.push({
        measure: `${c.measure}: time to verdict, median (max)`,
        value: `${ms(s.median, 1)} (${ms(s.max, 1)})`,
        budget: c.within !== undefined ? `≤ ${ms(c.within)} (the deadline), every run` : '—',
        verdict,
        note: `verdict ${got.join(', ')} (expected ${c.expected}); ${s.n} runs; ${c.note}`,
      });
      raw[c.measure] = { expected: c.expected, verdicts: got, samplesMs: samples, summary: s };
    }

    const cancel = await cancelLatency(silentHttp.url, trust, options.runs);
    const s = summarize(cancel.samples);
    rows.push({
      measure: 'Cancel latency: abort() to the report, median / p95 (max)',
      value: `${ms(s.median, 2)} / ${ms(s.p95, 2)} (${ms(s.max, 2)})`,
      budget: '—',
      verdict: cancel.codes.length === 1 && cancel.codes[0] === 'registry-api: CANCELLED' ? 'reported' : `WRONG VERDICT: ${cancel.codes.join(', ')}`,
      note: `verdict ${cancel.codes.join(', ')}; ${s.n} runs, each cancelled 100 ms into a request the silent server never answers`,
    });
    raw['cancel'] = { verdicts: cancel.codes, samplesMs: cancel.samples, summary: s };
    return {
      id: 'failures',
      title: 'Failure speed',
      about:
        'In-process verdicts against servers on loopback that cannot be used: a closed port, real registries with bad certificates, ' +
        'and servers that accept a connection and never answer. Time is from the call to the report.',
      rows,
      gaps,
      raw,
    };
  });
}

async function cancelLatency(endpoint: string, trust: { tls: { caPem: string } }, runs: number) {
  const samples: number[] = [];
  const codes = new Set<string>();
  for (let i = 0; i < runs; i++) {
    const controller = new AbortController();
    let cancelledAt = 0;
    let timer: NodeJS.Timeout | undefined;
    const run = await timedValidation(
      { endpoint, ...trust, deadlineMs: 20_000 },
      {
        signal: controller.signal,
        onProgress: (step) => {
          if (step.id === 'registry-api' && step.status === 'running') {
            timer = setTimeout(() => {
              cancelledAt = performance.now();
              controller.abort();
            }, 100);
          }
        },
      },
    );
    clearTimeout(timer);
    samples.push(performance.now() - cancelledAt);
    codes.add(verdictCode(run.report));
  }
  return { samples, codes: [...codes] };
}
