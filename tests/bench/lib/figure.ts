// A bench figure: what was measured, its runs, and the budget it answers to. A figure whose
// feature is not built yet is "absent" and carries no numbers, so nothing can be mistaken for one.
export type Unit = 'ms' | 'KB' | 'MB' | 'records/s' | 'ratio' | 'bytes';

export interface Budget {
  op: '<=' | '>=';
  limit: number;
  /** Which statistic is held to the limit: p95 where the issue says so, else the median. */
  on: 'median' | 'p95';
}

export interface Figure {
  id: string;
  name: string;
  unit: Unit;
  median: number | null;
  p95: number | null;
  runs: number[];
  budget: Budget | null;
  /** Why there are no numbers: the feature is absent, or the measurement failed. */
  absent?: string;
  error?: string;
  note?: string;
  /**
   * A budget known to be missed, held where it is: beyond the budget but within this ceiling the
   * verdict is 'over' (shown, never hidden, and not a CI failure); beyond the ceiling, 'fail'.
   * It stops a known miss from growing while it is being worked on; it is not a new budget.
   */
  ceiling?: number;
}

export type Verdict = 'pass' | 'fail' | 'over' | 'n/a' | '—';

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile: always one of the observed values, never an interpolation. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function measured(
  base: Pick<Figure, 'id' | 'name' | 'unit' | 'budget'> & { note?: string; ceiling?: number },
  runs: readonly number[],
): Figure {
  return { ...base, median: median(runs), p95: percentile(runs, 95), runs: [...runs] };
}

export function absent(base: Pick<Figure, 'id' | 'name' | 'unit' | 'budget'>, reason: string): Figure {
  return { ...base, median: null, p95: null, runs: [], absent: reason };
}

export function failed(base: Pick<Figure, 'id' | 'name' | 'unit' | 'budget'>, error: unknown): Figure {
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return { ...base, median: null, p95: null, runs: [], error: message };
}

export function verdict(figure: Figure): Verdict {
  if (figure.error !== undefined) return 'fail';
  if (figure.absent !== undefined) return 'n/a';
  if (!figure.budget) return '—';
  const value = figure.budget.on === 'p95' ? figure.p95 : figure.median;
  if (value === null) return 'fail';
  const within = (limit: number) => (figure.budget!.op === '<=' ? value <= limit : value >= limit);
  if (within(figure.budget.limit)) return 'pass';
  return figure.ceiling !== undefined && within(figure.ceiling) ? 'over' : 'fail';
}
