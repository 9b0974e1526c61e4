// Bundled for the weeklyReport figure in Chromium: builds the synthetic week in the page (not
// timed) and exposes one timed run of statistics + CSV.
import { statsAndCsv } from './reportWork';
import { syntheticWeek } from './syntheticWeek';

const week = syntheticWeek();
(globalThis as unknown as { weeklyReportRun: () => { ms: number; found: number } }).weeklyReportRun = () => {
  const started = performance.now();
  const { found } = statsAndCsv(week.input, week.range);
  return { ms: performance.now() - started, found };
};
