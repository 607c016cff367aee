import type { ValidationReport, ValidationRequest } from '../../../shared/model/validation';
import { checkRegistry, type RegistryCheck } from './validate';

/** One validation of the batch: its report, or never started because the batch was cancelled first. */
export type BatchResult = { readonly status: 'reported'; readonly report: ValidationReport } | { readonly status: 'not-started' };

export interface ValidateManyOptions {
  /** At most this many validations run at once (a whole number, at least 1). */
  concurrency: number;
  /** Aborting it starts no further validation and cancels the running ones (they report CANCELLED). */
  signal?: AbortSignal;
  /** Called as each report arrives, in completion order, with the item's index. */
  onReport?: (index: number, report: ValidationReport) => void;
  env?: NodeJS.ProcessEnv;
  /** The engine; replaceable so a caller can wrap it (record results, count, test the pool). */
  run?: RegistryCheck;
}

/**
 * Validates many registries through a bounded pool: many registries on one host (or one proxy)
 * must not all be dialled at once. Results keep the order of `items`. A validation that throws
 * (the engine never does for a registry problem, so that is a bug) stops the batch like a cancel
 * and is rethrown once the running ones have settled, so nothing is left running behind the caller.
 */
export async function validateMany(items: readonly ValidationRequest[], options: ValidateManyOptions): Promise<BatchResult[]> {
  const { concurrency } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a whole number ≥ 1, not ${concurrency}`);
  const run = options.run ?? checkRegistry;
  const stop = new AbortController();
  const onCancel = () => stop.abort(options.signal?.reason);
  if (options.signal?.aborted) onCancel();
  options.signal?.addEventListener('abort', onCancel, { once: true });

  const results: BatchResult[] = items.map(() => ({ status: 'not-started' }));
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!stop.signal.aborted && next < items.length) {
      const index = next++;
      try {
        const report = await run(items[index]!, { signal: stop.signal, ...(options.env ? { env: options.env } : {}) });
        results[index] = { status: 'reported', report };
        options.onReport?.(index, report);
      } catch (error) {
        failure ??= { error };
        stop.abort(error);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  } finally {
    options.signal?.removeEventListener('abort', onCancel);
  }
  if (failure) throw failure.error;
  return results;
}
