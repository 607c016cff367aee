import { appError, type AppError } from '../../../../shared/errors';
import { STEP_IDS, STEP_TITLES, type StepId, type ValidationStep } from '../../../../shared/model/validation';
import { classifyError } from '../../net/classify-error';
import { StepProblem } from '../oci/registry-auth';

/** What a step returns when it did not fail; failures are thrown (StepProblem or any error). */
export interface StepOutcome {
  status: 'ok' | 'warn' | 'skipped';
  observed: string[];
  problem?: AppError;
}

export const ok = (...observed: string[]): StepOutcome => ({ status: 'ok', observed });
export const skipped = (...observed: string[]): StepOutcome => ({ status: 'skipped', observed });
export const warn = (problem: AppError, ...observed: string[]): StepOutcome => ({ status: 'warn', observed, problem });

/** Why the run was aborted; the abort reason tells a deadline from a cancel. */
export class AbortReason extends Error {
  readonly code: 'DEADLINE_EXCEEDED' | 'CANCELLED';
  constructor(code: 'DEADLINE_EXCEEDED' | 'CANCELLED') {
    super(code);
    this.code = code;
  }
}

/**
 * Runs the steps in order, timing each, streaming each change, and stopping at the first
 * failure: the steps after it are marked skipped, never left pending.
 */
export function createStepRunner(signal: AbortSignal, onProgress: (step: ValidationStep) => void, now: () => number) {
  const steps: ValidationStep[] = STEP_IDS.map((id) => ({ id, title: STEP_TITLES[id], status: 'pending', durationMs: 0, observed: [] }));
  let stopped = false;

  const publish = (step: ValidationStep) => onProgress(structuredClone(step));

  async function run(id: StepId, body: () => Promise<StepOutcome>): Promise<boolean> {
    const step = steps.find((s) => s.id === id)!;
    if (stopped) return false;
    const started = now();
    step.status = 'running';
    publish(step);
    try {
      const outcome = await untilAborted(body(), signal);
      Object.assign(step, { status: outcome.status, observed: outcome.observed }, outcome.problem ? { problem: outcome.problem } : {});
    } catch (error) {
      const { problem, observed } = toFailure(error, signal);
      Object.assign(step, { status: 'fail', problem, observed: [...step.observed, ...observed] });
      stopped = true;
    }
    step.durationMs = Math.max(0, Math.round(now() - started));
    publish(step);
    if (stopped) skipRemaining();
    return !stopped;
  }

  function skipRemaining() {
    for (const step of steps) {
      if (step.status === 'pending') {
        step.status = 'skipped';
        step.observed = ['not reached: an earlier step failed'];
        publish(step);
      }
    }
  }

  return {
    steps,
    run,
    get failed() {
      return stopped;
    },
  };
}

function toFailure(error: unknown, signal: AbortSignal): { problem: AppError; observed: string[] } {
  if (signal.aborted && signal.reason instanceof AbortReason) {
    return { problem: appError(signal.reason.code), observed: [] };
  }
  if (error instanceof StepProblem) return { problem: error.problem, observed: error.observed };
  const { code, detail } = classifyError(error);
  return { problem: appError(code), observed: [detail] };
}

/** Resolves or rejects with the step, or rejects as soon as the run is aborted. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
