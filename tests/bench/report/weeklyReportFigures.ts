// The weeklyReport figures: statistics + CSV for 10,000 hazards and a week of rounds, in this
// Node process (as the endpoint runs it) and in headless Chromium (as a phone runs it).
// Each: warm-ups first, then RUNS timed runs on the same in-memory week.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { Browser } from 'playwright-core';
import { measured, type Figure } from '../lib/figure';
import { statsAndCsv } from './reportWork';
import { HAZARDS, syntheticWeek } from './syntheticWeek';

export const WEEKLY_REPORT_MS = 500;
const WARMUPS = 2;
const RUNS = 7;
const budget = { op: '<=', limit: WEEKLY_REPORT_MS, on: 'median' } as const;

export const WEEKLY_REPORT_NODE = { id: 'weeklyReport', name: 'weekly report (10,000 hazards), Node', unit: 'ms', budget } as const satisfies Pick<Figure, 'id' | 'name' | 'unit' | 'budget'>;
export const WEEKLY_REPORT_BROWSER = { id: 'weeklyReportBrowser', name: 'weekly report (10,000 hazards), Chromium', unit: 'ms', budget } as const satisfies Pick<Figure, 'id' | 'name' | 'unit' | 'budget'>;

export function weeklyReportNodeFigure(): Figure {
  const week = syntheticWeek();
  const points = [...week.input.pointsByRound.values()].reduce((s, p) => s + p.length, 0);
  let found = 0;
  for (let i = 0; i < WARMUPS; i++) found = statsAndCsv(week.input, week.range).found;
  if (found !== HAZARDS) throw new Error(`expected ${HAZARDS} hazards in the week, the report found ${found}`);
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    statsAndCsv(week.input, week.range);
    runs.push(performance.now() - started);
  }
  return measured({ ...WEEKLY_REPORT_NODE, note: `${points.toLocaleString('en')} track points, ${week.input.rounds.length} rounds; ${WARMUPS} warm-ups` }, runs);
}

export async function weeklyReportBrowserFigure(browser: Browser): Promise<Figure> {
  const bundle = buildSync({
    entryPoints: [fileURLToPath(new URL('./browserEntry.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    minify: true,
  }).outputFiles[0]!.text;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.setContent('<!doctype html><title>weekly report bench</title>');
    await page.addScriptTag({ content: bundle });
    const run = () => page.evaluate(() => (globalThis as unknown as { weeklyReportRun: () => { ms: number; found: number } }).weeklyReportRun());
    for (let i = 0; i < WARMUPS; i++) {
      const { found } = await run();
      if (found !== HAZARDS) throw new Error(`expected ${HAZARDS} hazards in the week, the report found ${found}`);
    }
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) runs.push((await run()).ms);
    return measured({ ...WEEKLY_REPORT_BROWSER, note: `same synthetic week, built in the page; ${WARMUPS} warm-ups` }, runs);
  } finally {
    await context.close();
  }
}
