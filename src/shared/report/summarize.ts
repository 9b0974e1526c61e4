// Small statistics the scoreboard needs. p90 is the nearest-rank percentile (a value that was
// actually observed), which is what a person checking the table by hand gets too.

export interface DurationSummary {
  count: number;
  /** Hours; null when there is nothing to summarise. */
  median: number | null;
  p90: number | null;
}

export function summarizeHours(hours: readonly number[]): DurationSummary {
  if (hours.length === 0) return { count: 0, median: null, p90: null };
  const sorted = [...hours].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const p90 = sorted[Math.ceil(0.9 * sorted.length) - 1]!;
  return { count: sorted.length, median: round2(median), p90: round2(p90) };
}

/** Two decimals: enough for hours and km, and it keeps float noise out of comparisons. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export const HOUR_MS = 3_600_000;

/** Counts per key, largest first, then by key so equal counts keep one order everywhere. */
export function countBy<T>(items: Iterable<T>, key: (item: T) => string): { key: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
