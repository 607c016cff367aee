/**
 * The one verdict a validation comes to, as the wizard, the list and the command line say it.
 * Without zod, like steps.ts: the registries list reads it on its first screen.
 *
 * A report is `ok` when no step failed; that stays its meaning (stored records and the JSON report
 * keep it). A step that warned does not fail the registry, but it is not a clean pass either: an
 * empty base content path or a password sent in clear text is most likely a mistake, so such a run
 * is "validated with warnings", never a plain "validated".
 */

export type Verdict = 'validated' | 'warnings' | 'failed';

/** What a warned step found, short enough for a list row and a banner. */
export interface VerdictWarning {
  /** The step's title, e.g. "Base content path". */
  step: string;
  code: string;
  message: string;
}

/** The few fields of a report the verdict reads; stored reports are plain JSON and may be older. */
interface StepLike {
  title: string;
  status: string;
  problem?: { code: string; message: string } | undefined;
}

export const VERDICT_TITLES: Record<Verdict, string> = {
  validated: 'Validated',
  warnings: 'Validated with warnings',
  failed: 'Not validated',
};

/** The warnings of a report, in step order. */
export function reportWarnings(report: { steps: readonly StepLike[] }): VerdictWarning[] {
  return report.steps
    .filter((step) => step.status === 'warn')
    .map((step) => ({ step: step.title, code: step.problem?.code ?? 'WARNING', message: step.problem?.message ?? '' }));
}

export function reportVerdict(report: { ok: boolean; steps: readonly StepLike[] }): Verdict {
  if (!report.ok) return 'failed';
  return report.steps.some((step) => step.status === 'warn') ? 'warnings' : 'validated';
}

/**
 * The warnings of a stored report, which is kept as plain JSON of any age: read leniently, and an
 * unreadable one has none (the stored `ok` still decides validated or failed).
 */
export function storedReportWarnings(report: unknown): VerdictWarning[] {
  if (!report || typeof report !== 'object' || !Array.isArray((report as { steps?: unknown }).steps)) return [];
  const steps = (report as { steps: unknown[] }).steps.flatMap((step): StepLike[] => {
    if (!step || typeof step !== 'object') return [];
    const { title, status, problem } = step as Record<string, unknown>;
    if (typeof title !== 'string' || typeof status !== 'string') return [];
    const p = problem as Record<string, unknown> | undefined;
    const readable = p && typeof p['code'] === 'string' && typeof p['message'] === 'string';
    return [{ title, status, problem: readable ? { code: p['code'] as string, message: p['message'] as string } : undefined }];
  });
  return reportWarnings({ steps });
}
