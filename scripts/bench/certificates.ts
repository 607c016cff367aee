// CA text from outside, judged the way the app judges it (schema, file parse and chains, trust,
// match against a presented chain): every 1 MiB hostile shape, and the 1,150-CA bundle whose CAs
// share one name but not a key (docs/hostile-input.md).
import { join } from 'node:path';
import { hostileDerFiles, hostilePemTexts, judgeCaText, sameSubjectBundle } from '../../test/fixtures/hostile-certificates';
import { createTempDir } from '../../test/fixtures/temp-dir';
import { atMost, ms, type Row, type SectionResult } from './report';
import { summarize } from './stats';

const ONE_MIB_BUDGET_MS = 500;
const BUNDLE_BUDGET_MS = 2_000;
export const BUNDLE_SIZE = 1_150;

export async function benchCertificates(options: { runs: number }): Promise<SectionResult> {
  const dir = await createTempDir('bench-certificates');
  try {
    const file = join(dir.path, 'ca.pem');
    // Wall time and this process's CPU time: on a shared machine the wall clock also counts the
    // time other processes held the cores, which says nothing about the input's cost.
    const time = async (input: string | Buffer, presented: Parameters<typeof judgeCaText>[2] = []) => {
      await judgeCaText(input, file, presented); // warm: module loads and JIT are not the input's cost
      const wall: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < options.runs; i++) {
        // A text not seen before each run, so no cache (trust contexts, parsed CAs) answers for it.
        const fresh = typeof input === 'string' ? `${input}${'\n'.repeat(i + 1)}` : input;
        const [started, cpuStarted] = [performance.now(), process.cpuUsage()];
        await judgeCaText(fresh, file, presented);
        const used = process.cpuUsage(cpuStarted);
        wall.push(performance.now() - started);
        cpu.push((used.user + used.system) / 1000);
      }
      return { wall: summarize(wall), cpu: summarize(cpu) };
    };
    const row = (measure: string, summary: Awaited<ReturnType<typeof time>>, budgetMs: number): Row => ({
      measure,
      value: `${ms(summary.cpu.p95)} CPU (${ms(summary.wall.p95)} wall)`,
      budget: `< ${budgetMs} ms`,
      verdict: atMost(summary.cpu.p95, budgetMs, ms),
      note: 'verdict on CPU time',
    });
    const rows: Row[] = [];
    const raw: Record<string, unknown> = {};
    for (const [shape, input] of [...Object.entries(hostilePemTexts()), ...Object.entries(hostileDerFiles())]) {
      const summary = await time(input);
      raw[shape] = summary;
      rows.push(row(`1 MiB: ${shape}`, summary, ONE_MIB_BUDGET_MS));
    }
    for (const keyIds of [false, true]) {
      const { pem, orphan } = await sameSubjectBundle(BUNDLE_SIZE, { keyIds });
      const summary = await time(pem, [orphan]);
      const measure = `${BUNDLE_SIZE} CAs, one name, ${keyIds ? 'with' : 'without'} key identifiers (${(pem.length / 1024).toFixed(0)} KiB)`;
      raw[measure] = summary;
      rows.push(row(measure, summary, BUNDLE_BUDGET_MS));
    }
    return {
      id: 'certificates',
      title: 'Hostile CA text',
      about: `p95 of ${options.runs} runs after one warm-up, CPU time of this process and wall time; each run a text not seen before through the CA schema, the file parse with chain arrangement and warnings, the trust context a validation builds, and the match against a presented certificate.`,
      rows,
      gaps: rows
        .filter((row) => row.verdict !== 'met')
        .map((row) => ({ measure: row.measure, missedBy: row.verdict, close: 'measure on an idle machine; else move CA judging to a worker thread' })),
      raw,
    };
  } finally {
    await dir.cleanup();
  }
}
