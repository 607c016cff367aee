import type { RegistryScope } from '../../../shared/model/registry';
import type { ValidationReport, ValidationRequest, ValidationStep } from '../../../shared/model/validation';
import { checkRegistry, type RegistryCheck } from './validate';

/** A validation that ended with a report, and the stored registry it was of (none for a draft from the form). */
export interface FinishedValidation {
  report: ValidationReport;
  registry?: { id: string; name: string; scope: RegistryScope };
}

export interface ValidationServiceOptions {
  /** Where proxy settings (HTTPS_PROXY, NO_PROXY…) come from; process.env unless a test says otherwise. */
  env?: NodeJS.ProcessEnv | undefined;
  /** The engine; replaceable so a test can stand in for the registry. */
  check?: RegistryCheck;
}

/**
 * Runs validations for the window, one AbortController per run id so the Cancel button stops
 * exactly its own run, even with several windows open. Tells its listeners (the diagnostics
 * journal) of every report it finishes: the engine has already scrubbed it (validate.ts).
 */
export function createValidationService(options: ValidationServiceOptions = {}) {
  const env = options.env ?? process.env;
  const check = options.check ?? checkRegistry;
  const running = new Map<string, AbortController>();
  const listeners = new Set<(finished: FinishedValidation) => void>();
  return {
    /** `registry`: the stored registry this request was read from, for those who list finished runs. */
    async run(
      runId: string,
      request: ValidationRequest,
      onProgress: (step: ValidationStep) => void,
      registry?: FinishedValidation['registry'],
    ): Promise<ValidationReport> {
      running.get(runId)?.abort();
      const controller = new AbortController();
      running.set(runId, controller);
      try {
        const report = await check(request, { signal: controller.signal, onProgress, env });
        for (const listener of listeners) listener(registry ? { report, registry } : { report });
        return report;
      } finally {
        if (running.get(runId) === controller) running.delete(runId);
      }
    },
    cancel(runId: string): boolean {
      const controller = running.get(runId);
      controller?.abort();
      return controller !== undefined;
    },
    /** Calls `listener` with every finished validation; returns a function that stops it. */
    onFinished(listener: (finished: FinishedValidation) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type ValidationService = ReturnType<typeof createValidationService>;
