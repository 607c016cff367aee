import { useCallback, useEffect, useRef, useState } from 'react';
import {
  STEP_IDS,
  STEP_TITLES,
  type ValidationReport,
  type ValidationRequestInput,
  type ValidationStep,
} from '../../../../../shared/model/validation';
import { ApiError, client, onValidationProgress } from '../../../api/client';

export type ValidationState =
  | { status: 'idle' }
  | { status: 'running'; steps: ValidationStep[] }
  | { status: 'done'; runId: string; report: ValidationReport; steps: ValidationStep[] }
  | { status: 'error'; message: string; remedy?: string | undefined };

const pendingSteps = (): ValidationStep[] =>
  STEP_IDS.map((id) => ({ id, title: STEP_TITLES[id], status: 'pending', durationMs: 0, observed: [] }));

/** Runs a validation in main, following its progress events by run id, with cancel. */
export function useValidation() {
  const [state, setState] = useState<ValidationState>({ status: 'idle' });
  const runId = useRef<string | null>(null);

  useEffect(
    () =>
      onValidationProgress(({ runId: id, step }) => {
        if (id !== runId.current) return;
        setState((current) =>
          current.status === 'running' ? { status: 'running', steps: current.steps.map((s) => (s.id === step.id ? step : s)) } : current,
        );
      }),
    [],
  );

  /** The form's values, unsaved (Validate), or a stored registry, recorded by main (Confirm). */
  const run = useCallback(async (target: { request: ValidationRequestInput; secretsFrom?: string } | { registryId: string }) => {
    const id = crypto.randomUUID();
    runId.current = id;
    setState({ status: 'running', steps: pendingSteps() });
    try {
      const report =
        'request' in target
          ? await client.runValidation({
              runId: id,
              request: target.request,
              ...(target.secretsFrom ? { secretsFrom: target.secretsFrom } : {}),
            })
          : (await client.validateRegistry({ runId: id, id: target.registryId })).report;
      if (runId.current === id) setState({ status: 'done', runId: id, report, steps: report.steps });
      return report;
    } catch (error) {
      if (runId.current === id) {
        setState({
          status: 'error',
          message: error instanceof Error ? error.message : String(error),
          remedy: error instanceof ApiError ? error.error.remedy : undefined,
        });
      }
      return undefined;
    }
  }, []);

  const cancel = useCallback(async () => {
    if (runId.current) await client.cancelValidation({ runId: runId.current });
  }, []);

  const reset = useCallback(() => {
    runId.current = null;
    setState({ status: 'idle' });
  }, []);

  return { state, run, cancel, reset };
}
