// GET /api/v1/reports/weekly?week=2026-W47&format=…&lang=…: the weekly report, for leads (their
// team) and the office (everyone). The app computes the same figures offline and never asks the
// endpoint for them, so only the query's words are shared here.
import type { WeeklyStats } from '../report/weeklyStats';

/** Without `format`, json. */
export const REPORT_FORMATS = ['json', 'csv', 'geojson', 'html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const isReportFormat = (value: unknown): value is ReportFormat => (REPORT_FORMATS as readonly unknown[]).includes(value);

/** The body of format=json. */
export interface WeeklyReportJson {
  stats: WeeklyStats;
}
