// `npm run bench`: every performance budget of the issue, measured the same way each time.
//   --quick  build + gzip bundle sizes only (CI, well under a minute)
//   (full)   also coverage, and push and pull on both backends (SQLite, PostgreSQL) in Node, then
//            headless Chromium against the real server
// Prints a table, writes bench-results.json, and exits 1 when a measured budget is missed.
// Every figure of the issue is measured; none is estimated.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { browserFigures } from './browser/browserFigures';
import { buildApp } from './bundle/buildApp';
import { COVERAGE_FIGURE, coverageFigure } from './coverage/coverageFigure';
import { bundleFigures } from './bundle/bundleSizes';
import { failed, verdict, type Figure } from './lib/figure';
import { describeMachine, printTable, writeResults } from './lib/report';
import { backendFigures } from './server/backendFigures';
import { launchChromium } from '../e2e/helpers/browser';
import { WEEKLY_REPORT_BROWSER, WEEKLY_REPORT_NODE, weeklyReportBrowserFigure, weeklyReportNodeFigure } from './report/weeklyReportFigures';

const root = fileURLToPath(new URL('../..', import.meta.url));
// The bench's own build of the app (see bundle/buildApp.ts); the product server serves it.
const distDir = join(root, 'node_modules/.cache/bench-dist');
const quick = process.argv.includes('--quick');
// The bench never fetches internet tiles: the map draws compound outlines on a plain background.
process.env.MAP_PROVIDER ??= 'none';

// The table follows the issue's order, whatever order the steps ran in.
const ORDER = [
  'captureJs', 'captureJsStatic', 'totalAppJs', 'offlineColdStart', 'offlineColdStartUnthrottled', 'saveLatency',
  'photoCompression', 'photoCompressionPortrait', 'photoCompressedSize', 'photoCompression27mp', 'push1k', 'pushThroughput',
  'photoSync', 'photoUpload50', 'mapFirstPaint', 'mapFilterChange', 'mapPanFrame', 'mapHeap', 'weeklyReport', 'weeklyReportBrowser',
  'push10k_sqlite', 'push10k_postgres', 'push10kRatio', 'aggregatePush', 'aggregatePushLatency', 'aggregatePushRss1', 'aggregatePushRss2',
  'pull10k_sqlite', 'pull10M_sqlite', 'pullRatio_sqlite', 'pull10k_postgres', 'pull10M_postgres', 'pullRatio_postgres', 'streetPullQuiet', 'streetPullBusy', 'streetDashboard', 'streetCommunityReport', 'backends', 'serverRss', 'trackPointBytes', 'coverage',
];
const byIssueOrder = (a: Figure, b: Figure) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id);

// A hung browser or server must not hold a terminal (or CI) forever.
const WATCHDOG_MS = quick ? 3 * 60_000 : 25 * 60_000;
setTimeout(() => {
  console.error(`bench: gave up after ${WATCHDOG_MS / 60_000} minutes`);
  process.exit(1);
}, WATCHDOG_MS).unref();

async function main(): Promise<number> {
  buildApp(root, distDir);
  const figures = bundleFigures(distDir);
  let chromium: string | undefined;
  if (!quick) {
    // Pure CPU work in this process: measured first, while nothing else is running.
    console.log('Measuring coverage (138,240 points × 23 compounds)…');
    try {
      figures.push(coverageFigure());
    } catch (error) {
      console.error(error);
      figures.push(failed(COVERAGE_FIGURE, error));
    }
    console.log('Measuring the weekly report (10,000 hazards: statistics + CSV) in Node…');
    try {
      figures.push(weeklyReportNodeFigure());
    } catch (error) {
      console.error(error);
      figures.push(failed(WEEKLY_REPORT_NODE, error));
    }
    try {
      figures.push(...(await backendFigures(distDir)));
    } catch (error) {
      console.error(error);
      figures.push(failed({ id: 'backends', name: 'push, aggregate push and pull scaling on both backends', unit: 'ms', budget: null }, error));
    }
    const browser = await browserFigures(distDir);
    chromium = browser.chromium;
    figures.push(...browser.figures);
    console.log('Measuring the weekly report (10,000 hazards: statistics + CSV) in Chromium…');
    const reportBrowser = await launchChromium();
    try {
      figures.push(await weeklyReportBrowserFigure(reportBrowser));
    } catch (error) {
      console.error(error);
      figures.push(failed(WEEKLY_REPORT_BROWSER, error));
    } finally {
      await reportBrowser.close();
    }
  }
  figures.sort(byIssueOrder);
  const machine = describeMachine(chromium);
  printTable(figures, machine);
  writeResults(join(root, 'bench-results.json'), quick ? 'quick' : 'full', figures, machine);
  const failures = figures.filter((f) => verdict(f) === 'fail');
  const over = figures.filter((f) => verdict(f) === 'over');
  if (over.length > 0) console.log(`\nKnown misses, held at their ceilings: ${over.map((f) => f.name).join(', ')}`);
  console.log(failures.length === 0 ? `\nNo budget newly missed${over.length ? '' : ': all measured budgets met'}.` : `\n${failures.length} budget(s) missed: ${failures.map((f) => f.name).join(', ')}`);
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
