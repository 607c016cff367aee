import { checkRegistry } from '../../../main/services/validation/validate';
import {
  ValidationRequestSchema,
  type StepId,
  type ValidationReport,
  type ValidationRequestInput,
  type ValidationStep,
} from '../../../shared/model/validation';

/** Validates with test-friendly defaults: no proxy from the environment, short deadlines. */
export async function validate(
  input: ValidationRequestInput,
  options: {
    signal?: AbortSignal;
    env?: NodeJS.ProcessEnv;
    onProgress?: (step: ValidationStep) => void;
    onRequestCount?: (n: number) => void;
  } = {},
): Promise<ValidationReport> {
  const request = ValidationRequestSchema.parse({ proxy: { fromEnvironment: false }, connectTimeoutMs: 3000, deadlineMs: 8000, ...input });
  return checkRegistry(request, { env: {}, ...options });
}

export function step(report: ValidationReport, id: StepId) {
  const found = report.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

/** The step that decided the verdict: the failed one, or undefined when validated. */
export function failure(report: ValidationReport) {
  const failed = report.steps.find((s) => s.status === 'fail');
  return failed
    ? { id: failed.id, code: failed.problem?.code, message: failed.problem?.message ?? '', observed: failed.observed }
    : undefined;
}

export function statuses(report: ValidationReport): string {
  return report.steps.map((s) => `${s.id}:${s.status}`).join(' ');
}
