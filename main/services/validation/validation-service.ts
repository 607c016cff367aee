import type { ValidationReport, ValidationRequest, ValidationStep } from '../../../shared/model/validation';
import { validateRegistry } from './validate';

/**
 * Runs validations for the window, one AbortController per run id so the Cancel button stops
 * exactly its own run, even with several windows open.
 */
export function createValidationService(env: NodeJS.ProcessEnv = process.env) {
  const running = new Map<string, AbortController>();
  return {
    async run(runId: string, request: ValidationRequest, onProgress: (step: ValidationStep) => void): Promise<ValidationReport> {
      running.get(runId)?.abort();
      const controller = new AbortController();
      running.set(runId, controller);
      try {
        return await validateRegistry(request, { signal: controller.signal, onProgress, env });
      } finally {
        if (running.get(runId) === controller) running.delete(runId);
      }
    },
    cancel(runId: string): boolean {
      const controller = running.get(runId);
      controller?.abort();
      return controller !== undefined;
    },
  };
}
export type ValidationService = ReturnType<typeof createValidationService>;
