// Turns the sections' measurements into bench/RESULTS.md (for people) and bench/results.json
// (every sample, for tools and for comparing runs).
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { PERCENTILE_METHOD } from './stats';

export interface Row {
  readonly measure: string;
  readonly value: string;
  /** `—` when the figure is reported, not budgeted. */
  readonly budget: string;
  /** `met`, `missed by …`, `reported`, or `WRONG VERDICT …` when a failure was called the wrong thing. */
  readonly verdict: string;
  readonly note?: string;
}

/** A budget missed: by how much, and what would close the gap (for the closing note). */
export interface Gap {
  readonly measure: string;
  readonly missedBy: string;
  readonly close: string;
}

export interface SectionResult {
  readonly id: string;
  readonly title: string;
  /** How it was measured, in a sentence or two. */
  readonly about: string;
  readonly rows: readonly Row[];
  readonly gaps: readonly Gap[];
  /** Every sample and fact behind the rows. */
  readonly raw: Record<string, unknown>;
}

export interface SectionFailure {
  readonly id: string;
  readonly title: string;
  readonly error: string;
}

export const ms = (value: number, digits = 0) => `${value.toFixed(digits)} ms`;
export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** `met`, or `missed by <excess> (+N %)`. */
export function atMost(value: number, limit: number, format: (excess: number) => string): string {
  if (value <= limit) return 'met';
  return `missed by ${format(value - limit)} (+${((value / limit - 1) * 100).toFixed(0)} %)`;
}

export interface MachineFacts {
  readonly cpuModel: string;
  readonly logicalCores: number;
  readonly memory: string;
  readonly os: string;
  readonly node: string;
  readonly chromium: string;
  readonly dockerRegistry: string;
  readonly skopeo: string;
  readonly gitCommit: string;
  readonly loadAverageAtStart: string;
}

export function machineFacts(): MachineFacts {
  const cpus = os.cpus();
  const dirty = tryRun('git', ['status', '--porcelain', '--untracked-files=no']) !== '';
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    logicalCores: os.availableParallelism(),
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    chromium: tryRun('/usr/bin/chromium', ['--version']) || 'not found',
    dockerRegistry: tryRun('/usr/bin/docker-registry', ['--version']) || 'not found',
    skopeo: tryRun('skopeo', ['--version']) || 'not found',
    gitCommit: `${tryRun('git', ['rev-parse', 'HEAD']) || 'unknown'}${dirty ? ' with uncommitted changes' : ''}`,
    loadAverageAtStart: loadAverage(),
  };
}

export const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');

function tryRun(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim();
  } catch {
    return '';
  }
}

export interface BenchRun {
  readonly command: string;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly machine: MachineFacts;
  readonly loadAverageAtEnd: string;
  readonly sections: readonly SectionResult[];
  readonly failures: readonly SectionFailure[];
}

export async function writeResults(dir: string, run: BenchRun): Promise<{ markdown: string; json: string }> {
  await mkdir(dir, { recursive: true });
  const markdown = join(dir, 'RESULTS.md');
  const json = join(dir, 'results.json');
  await writeFile(markdown, renderMarkdown(run));
  await writeFile(
    json,
    `${JSON.stringify({ ...run, startedAt: run.startedAt.toISOString(), finishedAt: run.finishedAt.toISOString(), percentileMethod: PERCENTILE_METHOD }, null, 2)}\n`,
  );
  return { markdown, json };
}

export function renderMarkdown(run: BenchRun): string {
  const m = run.machine;
  const minutes = ((run.finishedAt.getTime() - run.startedAt.getTime()) / 60_000).toFixed(1);
  const lines = [
    '# Benchmark results',
    '',
    `Every figure below was measured in one run of \`${run.command}\` on one machine, ${run.startedAt.toISOString()} (${minutes} min).`,
    'Budgets are set in `test/integration/budgets/budgets.ts`. Sizes, request and connection counts are also held by `npm test`',
    '(`test/integration/budgets/`); times are reported here, not asserted (the large import aside). Raw samples: [`results.json`](results.json).',
    '',
    '## Machine',
    '',
    '| fact | value |',
    '| --- | --- |',
    `| CPU | ${m.cpuModel}, ${m.logicalCores} logical cores |`,
    `| memory | ${m.memory} |`,
    `| OS | ${m.os} |`,
    `| Node | ${m.node} |`,
    `| Chromium | ${m.chromium} |`,
    `| registry | ${m.dockerRegistry} |`,
    `| skopeo | ${m.skopeo} |`,
    `| git commit | ${m.gitCommit} |`,
    `| load average (1, 5, 15 min) | ${m.loadAverageAtStart} at start; ${run.loadAverageAtEnd} at the end |`,
    '',
    `Statistics: ${PERCENTILE_METHOD}.`,
    '',
  ];
  for (const section of run.sections) {
    lines.push(`## ${section.title}`, '', section.about, '', '| measure | value | budget | verdict | notes |', '| --- | --- | --- | --- | --- |');
    for (const row of section.rows) {
      lines.push(`| ${[row.measure, row.value, row.budget, row.verdict, row.note ?? ''].map(cell).join(' | ')} |`);
    }
    lines.push('');
  }
  for (const failure of run.failures) {
    lines.push(`## ${failure.title}`, '', `**This section failed to run:** ${cell(failure.error)}`, '');
  }
  lines.push('## Closing note', '');
  const busiest = Math.max(...[m.loadAverageAtStart, run.loadAverageAtEnd].map((l) => Number(l.split(',')[0])));
  if (busiest > m.logicalCores) {
    lines.push(
      `The 1-minute load average reached ${busiest.toFixed(1)} on ${m.logicalCores} cores during this run (the bench's own registries, ` +
        'browser and processes count, as would anything else running): times carry noise; sizes, request counts and ratios of ' +
        'interleaved runs hold up best.',
      '',
    );
  }
  const gaps = run.sections.flatMap((s) => s.gaps);
  if (gaps.length === 0 && run.failures.length === 0) lines.push('Every budget was met in this run.');
  for (const gap of gaps) lines.push(`- **${gap.measure}**: ${gap.missedBy}. ${gap.close}`);
  for (const failure of run.failures) lines.push(`- **${failure.title}** did not run, so its budgets are unmeasured in this run.`);
  lines.push('');
  return lines.join('\n');
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
