// `npm run bench`: every budgeted figure in one process and one run, written to
// bench/RESULTS.md and bench/results.json. Not a test: it measures; `npm test` holds the
// deterministic budgets (test/integration/budgets).
//
//   tsx scripts/bench/index.ts                       the full run; writes bench/
//   tsx scripts/bench/index.ts --only validation     some sections (validation, wan, failures, renderer, batch, package, certificates); prints only
//   tsx scripts/bench/index.ts --only wan --rtt 80   the WAN section at another round-trip time (default 50 ms)
//   tsx scripts/bench/index.ts --quick               fewer runs, to try it out; prints only
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchBatch } from './batch';
import { benchCertificates } from './certificates';
import { snapshotBuild } from './build-snapshot';
import { benchFailures } from './failures';
import { benchPackSize } from './pack-size';
import { benchRenderer } from './renderer';
import { loadAverage, machineFacts, renderMarkdown, writeResults, type SectionFailure, type SectionResult } from './report';
import { benchValidation } from './validation';
import { benchWan } from './wan';
import { WAN_RTT_MS } from '../../test/integration/budgets/budgets';

const { values } = parseArgs({
  options: { only: { type: 'string' }, quick: { type: 'boolean', default: false }, rtt: { type: 'string', default: String(WAN_RTT_MS) } },
});
const quick = values.quick;
const rttMs = Number(values.rtt);
if (!Number.isFinite(rttMs) || rttMs < 0 || rttMs > 2_000) {
  console.error(`bench: --rtt takes a round-trip time in ms from 0 to 2000, not ${values.rtt}`);
  process.exit(2);
}
const build = await snapshotBuild();
const sections = {
  validation: { title: 'Validation against local registries', run: () => benchValidation({ latencyRuns: quick ? 10 : 50, processRounds: quick ? 5 : 31, regdeskBin: build.regdeskBin }) },
  wan: {
    title: `Validation at ${rttMs} ms round-trip time`,
    run: () => benchWan({ rttMs, runs: quick ? 5 : 21, processRounds: quick ? 3 : 11, regdeskBin: build.regdeskBin }),
  },
  failures: { title: 'Failure speed', run: () => benchFailures({ runs: quick ? 3 : 10, deadlineRuns: quick ? 1 : 3, deadlineMs: 3_000 }) },
  renderer: { title: 'Renderer', run: () => benchRenderer({ coldRuns: quick ? 5 : 9, thousandRuns: quick ? 3 : 7, storeLoadRuns: quick ? 3 : 9, rendererDir: build.rendererDir }) },
  batch: { title: 'Batch validation', run: () => benchBatch({ registries: 100, servers: 4, concurrency: 8 }) },
  package: { title: 'Package contents', run: () => benchPackSize() },
  certificates: { title: 'Hostile CA text', run: () => benchCertificates({ runs: quick ? 3 : 9 }) },
} as const;
type SectionId = keyof typeof sections;

const chosen = (values.only?.split(',').map((s) => s.trim()) ?? Object.keys(sections)) as SectionId[];
const unknown = chosen.filter((id) => !(id in sections));
if (unknown.length > 0) {
  console.error(`bench: unknown section ${unknown.join(', ')}; choose from ${Object.keys(sections).join(', ')}`);
  process.exit(2);
}
const complete = chosen.length === Object.keys(sections).length && !quick && rttMs === WAN_RTT_MS;

const startedAt = new Date();
const machine = machineFacts();
const results: SectionResult[] = [];
const failures: SectionFailure[] = [];
for (const id of chosen) {
  const section = sections[id];
  const started = performance.now();
  console.error(`bench: ${section.title}…`);
  try {
    results.push(await section.run());
    console.error(`bench: ${section.title} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error(`bench: ${section.title} failed:`, error);
    failures.push({ id, title: section.title, error: error instanceof Error ? error.message : String(error) });
  }
}

await build.cleanup();
const run = {
  command: complete ? 'npm run bench' : `tsx scripts/bench/index.ts ${process.argv.slice(2).join(' ')}`.trim(),
  startedAt,
  finishedAt: new Date(),
  machine,
  loadAverageAtEnd: loadAverage(),
  sections: results,
  failures,
};
if (complete) {
  const written = await writeResults(resolve('bench'), run);
  console.log(`bench: wrote ${written.markdown} and ${written.json}`);
} else {
  console.log(renderMarkdown(run));
}
process.exit(failures.length > 0 ? 1 : 0);
