// Summary statistics for the bench. Median: the middle value, or the mean of the two middle
// values for an even count. Percentiles (p95): nearest rank, the ⌈p/100 · n⌉-th smallest sample,
// so a p95 is always a value that was measured.
export const PERCENTILE_METHOD = 'median: middle value (mean of the two middle ones for an even count); p95: nearest rank (⌈0.95·n⌉-th smallest)';

export interface Summary {
  readonly n: number;
  readonly min: number;
  readonly median: number;
  readonly p95: number;
  readonly max: number;
}

export function median(samples: readonly number[]): number {
  const sorted = sortedCopy(samples);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = sortedCopy(samples);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = sortedCopy(samples);
  return { n: sorted.length, min: sorted[0]!, median: median(sorted), p95: percentile(sorted, 95), max: sorted.at(-1)! };
}

function sortedCopy(samples: readonly number[]): number[] {
  if (samples.length === 0) throw new Error('no samples');
  return [...samples].sort((a, b) => a - b);
}
