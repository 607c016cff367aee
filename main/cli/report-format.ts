import type { ValidationReport, ValidationStep } from '../../shared/model/validation';
import { reportVerdict, reportWarnings, VERDICT_TITLES } from '../../shared/model/verdict';
import { commandLineRemedy } from './cli-remedies';

/**
 * The stable, documented JSON shape: ok, verdict ("validated", "warnings" or "failed"), and steps
 * with id, status, code, message, remedy, durationMs.
 */
export function jsonReport(report: ValidationReport) {
  return {
    ok: report.ok,
    verdict: reportVerdict(report),
    endpoint: report.endpoint,
    durationMs: report.durationMs,
    proxy: report.proxy,
    steps: report.steps.map((step) => ({
      id: step.id,
      status: step.status,
      code: step.problem?.code ?? null,
      message: step.problem?.message ?? null,
      remedy: (step.problem && commandLineRemedy(step.problem)) ?? null,
      durationMs: step.durationMs,
      observed: step.observed,
    })),
    presentedChain: report.presentedChain,
    packs: report.packs,
    packCount: report.packCount,
    ...(report.ecrTokenExpiresAt ? { ecrTokenExpiresAt: report.ecrTokenExpiresAt } : {}),
  };
}

const MARK: Record<ValidationStep['status'], string> = {
  ok: '[ ok ]',
  warn: '[warn]',
  fail: '[FAIL]',
  skipped: '[skip]',
  pending: '[    ]',
  running: '[ .. ]',
};

/** One line per step, with the cause and remedy under any that warned or failed. */
export function formatChecklist(report: ValidationReport): string {
  const width = Math.max(...report.steps.map((s) => s.title.length));
  const lines = [`Validating ${report.endpoint}`];
  for (const step of report.steps) {
    const summary = step.problem ? `${step.problem.code}: ${step.problem.message}` : (step.observed[0] ?? '');
    const time = step.status === 'ok' || step.status === 'warn' || step.status === 'fail' ? `  (${step.durationMs} ms)` : '';
    lines.push(`${MARK[step.status]} ${step.title.padEnd(width)}  ${summary}${time}`);
    const remedy = step.problem && commandLineRemedy(step.problem);
    if (remedy && step.status !== 'ok') lines.push(`${' '.repeat(width + 9)}→ ${remedy}`);
    if (step.status === 'fail') for (const line of step.observed) lines.push(`${' '.repeat(width + 9)}  ${line}`);
  }
  lines.push(verdictLine(report));
  return `${lines.join('\n')}\n`;
}

/** The last line, one verdict: "Validated …", "Validated with warnings …: CODE (Step), …" or "Not validated: …". */
export function verdictLine(report: ValidationReport): string {
  const failed = report.steps.find((s) => s.status === 'fail');
  if (failed)
    return `${VERDICT_TITLES.failed}: ${failed.title} failed (${failed.problem?.code ?? 'unknown'}) after ${report.durationMs} ms.`;
  const warnings = reportWarnings(report);
  if (warnings.length === 0) return `${VERDICT_TITLES.validated} in ${report.durationMs} ms.`;
  const list = warnings.map((w) => `${w.code} (${w.step})`).join(', ');
  return `${VERDICT_TITLES.warnings} in ${report.durationMs} ms: ${list}.`;
}
