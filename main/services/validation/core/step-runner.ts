import { appError, type AppError } from '../../../../shared/errors';
import { STEP_IDS, STEP_TITLES, type StepId, type ValidationStep } from '../../../../shared/model/validation';
import { classifyError } from '../../net/classify-error';
import { StepProblem } from './step-problem';

/** What a step returns when it did not fail; failures are thrown (StepProblem or any error). */
export interface StepOutcome {
  status: 'ok' | 'warn' | 'skipped';
  observed: string[];
  problem?: AppError;
}

export const ok = (...observed: string[]): StepOutcome => ({ status: 'ok', observed });
export const skipped = (...observed: string[]): StepOutcome => ({ status: 'skipped', observed });
export const warn = (problem: AppError, ...observed: string[]): StepOutcome => ({ status: 'warn', observed, problem });

/** A step that did not fail: its outcome for the report, and what it hands to the steps after it. */
export interface Passed<T> {
  outcome: StepOutcome;
  output: T;
}
export const pass = <T>(output: T, outcome: StepOutcome): Passed<T> => ({ outcome, output });

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

  /** Runs one step; its output, or undefined once the run has stopped (this step or an earlier one failed). */
  async function run<T>(id: StepId, body: () => Promise<Passed<T>>): Promise<T | undefined> {
    const step = steps.find((s) => s.id === id);
    if (!step) throw new Error(`no step ${id}`);
    if (stopped) return undefined;
    const started = now();
    step.status = 'running';
    publish(step);
    let output: T | undefined;
    try {
      const passed = await untilAborted(body(), signal);
      const { outcome } = passed;
      Object.assign(step, { status: outcome.status, observed: outcome.observed }, outcome.problem ? { problem: outcome.problem } : {});
      output = passed.output;
    } catch (error) {
      const { problem, observed } = toFailure(error, signal);
      Object.assign(step, { status: 'fail', problem, observed: [...step.observed, ...observed] });
      stopped = true;
    }
    step.durationMs = Math.max(0, Math.round(now() - started));
    publish(step);
    if (stopped) skipRemaining();
    return output;
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

export type StepRunner = ReturnType<typeof createStepRunner>;

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
