import { useCallback, useEffect, useRef, useState } from 'react';
import type { ValidationReport, ValidationStep } from '../../../../shared/model/validation';
import { client, onValidationProgress } from '../../api/client';
import { problemOf } from '../../api/problem';

/** "Validate again" for one row: in progress, finished (the stored verdict then follows), or refused. */
export type RowValidation =
  | { status: 'running'; runId: string; step?: ValidationStep; cancelling: boolean }
  | { status: 'finished'; report: ValidationReport; cancelled: boolean }
  | { status: 'error'; message: string; remedy?: string | undefined };

export type RowValidations = ReadonlyMap<string, RowValidation>;

/** A bulk validation under way: how many of its registries have finished. */
export interface BatchProgress {
  total: number;
  done: number;
}

/**
 * Runs at once in a bulk validation. Each run waits mostly on the network; a few at a time keep a
 * "validate all" over hundreds of registries from opening hundreds of connections together.
 */
const CONCURRENT_RUNS = 4;

/**
 * Runs validations of stored registries from the list, several at once if the admin wants, each
 * followed by its own run id. Main records every verdict with the registry, so once a run ends
 * `afterRun` reloads the list and the row's badge shows what is now stored.
 */
export function useRowValidations(afterRun: () => Promise<void>) {
  const [runs, setRuns] = useState<RowValidations>(() => new Map());
  const [batch, setBatch] = useState<BatchProgress | null>(null);
  const registryByRun = useRef(new Map<string, string>());

  const update = useCallback(
    (registryId: string, next: RowValidation | ((current: RowValidation | undefined) => RowValidation | undefined)) => {
      setRuns((current) => {
        const value = typeof next === 'function' ? next(current.get(registryId)) : next;
        if (value === current.get(registryId)) return current;
        const copy = new Map(current);
        if (value) copy.set(registryId, value);
        else copy.delete(registryId);
        return copy;
      });
    },
    [],
  );

  useEffect(
    () =>
      onValidationProgress(({ runId, step }) => {
        const registryId = registryByRun.current.get(runId);
        // Only a step being entered moves the row on; its finishing event would flash the previous title.
        if (registryId === undefined || step.status !== 'running') return;
        update(registryId, (current) => (current?.status === 'running' && current.runId === runId ? { ...current, step } : current));
      }),
    [update],
  );

  const validate = useCallback(
    async (registryId: string) => {
      const runId = crypto.randomUUID();
      registryByRun.current.set(runId, registryId);
      update(registryId, { status: 'running', runId, cancelling: false });
      try {
        const { report } = await client.validateRegistry({ runId, id: registryId });
        const cancelled = report.steps.some((step) => step.problem?.code === 'CANCELLED');
        await afterRun();
        update(registryId, { status: 'finished', report, cancelled });
      } catch (error) {
        const { message, remedy } = problemOf(error);
        update(registryId, { status: 'error', message, remedy });
      } finally {
        registryByRun.current.delete(runId);
      }
    },
    [afterRun, update],
  );

  /** Validates each registry in turn, CONCURRENT_RUNS at a time; one already running is left to finish. */
  const validateMany = useCallback(
    async (registryIds: readonly string[]) => {
      const running = new Set(registryByRun.current.values());
      const queue = registryIds.filter((id) => !running.has(id));
      if (queue.length === 0) return;
      setBatch({ total: queue.length, done: 0 });
      const worker = async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          await validate(id);
          setBatch((current) => current && { ...current, done: current.done + 1 });
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENT_RUNS, queue.length) }, worker));
      setBatch(null);
    },
    [validate],
  );

  /** Asks main to stop the run; the row then reports "cancelled" when validateRegistry answers. */
  const cancel = useCallback(
    (registryId: string) => {
      const runId = [...registryByRun.current].find(([, id]) => id === registryId)?.[0];
      if (runId === undefined) return;
      update(registryId, (current) => (current?.status === 'running' ? { ...current, cancelling: true } : current));
      client
        .cancelValidation({ runId })
        .catch(() => update(registryId, (current) => (current?.status === 'running' ? { ...current, cancelling: false } : current)));
    },
    [update],
  );

  return { runs, validate, validateMany, batch, cancel };
}
