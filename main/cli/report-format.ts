import type { ValidationReport, ValidationStep } from '../../shared/model/validation';
import { commandLineRemedy } from './cli-remedies';

/** The stable, documented JSON shape: ok, and steps with id, status, code, message, remedy, durationMs. */
export function jsonReport(report: ValidationReport) {
  return {
    ok: report.ok,
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
  const failed = report.steps.find((s) => s.status === 'fail');
  const warnings = report.steps.filter((s) => s.status === 'warn').length;
  lines.push(
    failed
      ? `Not validated: ${failed.title} failed (${failed.problem?.code ?? 'unknown'}) after ${report.durationMs} ms.`
      : `Validated in ${report.durationMs} ms${warnings ? ` with ${warnings} warning${warnings > 1 ? 's' : ''}` : ''}.`,
  );
  return `${lines.join('\n')}\n`;
}
