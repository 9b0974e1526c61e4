// What the weeklyReport figure times: the statistics plus the CSV, from data already in memory
// (the data's loading is a database figure, not this one). Returns the CSV's length so the work
// cannot be optimised away, and the figures' total as a check it ran on the whole week.
import { buildCsv } from '../../../src/shared/report/csv';
import { weeklyStats } from '../../../src/shared/report/weeklyStats';
import type { ReportInput } from '../../../src/shared/report/reportInput';
import { BENCH_WEEK, BENCH_ZONE } from './syntheticWeek';

export function statsAndCsv(input: ReportInput, range: { from: number; to: number }): { found: number; csvChars: number } {
  const stats = weeklyStats(input, BENCH_WEEK, BENCH_ZONE)!;
  const csv = buildCsv(input, range, { locale: 'zh-CN', zone: BENCH_ZONE });
  return { found: stats.found.total, csvChars: csv.length };
}
