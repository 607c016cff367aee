// One in-process validation for the bench: no proxy from the environment, the request count kept.
import { checkRegistry, type CheckOptions } from '../../main/services/validation/validate';
import { ValidationRequestSchema, type ValidationReport, type ValidationRequestInput } from '../../shared/model/validation';

export interface TimedVerdict {
  readonly report: ValidationReport;
  readonly requests: number;
  /** Call to verdict, ms. */
  readonly elapsed: number;
}

export async function timedValidation(
  input: ValidationRequestInput,
  extra: Pick<CheckOptions, 'signal' | 'onProgress'> = {},
): Promise<TimedVerdict> {
  let requests = 0;
  const request = ValidationRequestSchema.parse({ proxy: { fromEnvironment: false }, ...input });
  const started = performance.now();
  const report = await checkRegistry(request, { env: {}, onRequestCount: (n) => (requests = n), ...extra });
  return { report, requests, elapsed: performance.now() - started };
}

/** `step: CODE` for the step that decided a failed verdict (`tls: TLS_SELF_SIGNED`), or `validated`. */
export function verdictCode(report: ValidationReport): string {
  const failed = report.steps.find((s) => s.status === 'fail');
  return failed ? `${failed.id}: ${failed.problem?.code ?? 'no code'}` : 'validated';
}
