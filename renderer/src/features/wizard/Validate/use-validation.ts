import { useCallback, useEffect, useRef, useState } from 'react';
import {
  STEP_IDS,
  STEP_TITLES,
  type ValidationReport,
  type ValidationRequestInput,
  type ValidationStep,
} from '../../../../../shared/model/validation';
import { client, onValidationProgress } from '../../../api/client';
import { problemOf } from '../../../api/problem';

export type ValidationState =
  | { status: 'idle' }
  | { status: 'running'; steps: ValidationStep[] }
  | { status: 'done'; runId: string; report: ValidationReport; steps: ValidationStep[]; request?: ValidationRequestInput | undefined }
  | { status: 'error'; message: string; remedy?: string | undefined; request?: ValidationRequestInput | undefined };

/**
 * The form's values, unsaved (Validate), or a stored registry, recorded by main (Confirm). `values`
 * are what the form held for a stored run: a result is shown as one for those values, and greyed
 * once the form no longer holds them.
 */
export type ValidationTarget =
  | { request: ValidationRequestInput; secretsFrom?: string | undefined }
  | { registryId: string; values?: ValidationRequestInput | undefined };

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

  const run = useCallback(async (target: ValidationTarget) => {
    const id = crypto.randomUUID();
    const request = 'request' in target ? target.request : target.values;
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
      if (runId.current === id) setState({ status: 'done', runId: id, report, steps: report.steps, request });
      return report;
    } catch (error) {
      if (runId.current === id) {
        const { message, remedy } = problemOf(error);
        setState({ status: 'error', message, remedy, request });
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
