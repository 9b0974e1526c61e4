// The weekly report figures on their own: `npx tsx tests/bench/report/main.ts`. The full bench
// (`npm run bench`) measures them too; this is for working on the report without the rest.
import { launchChromium } from '../../e2e/helpers/browser';
import { describeMachine, printTable } from '../lib/report';
import { verdict } from '../lib/figure';
import { weeklyReportBrowserFigure, weeklyReportNodeFigure } from './weeklyReportFigures';

const node = weeklyReportNodeFigure();
const browser = await launchChromium();
const inBrowser = await weeklyReportBrowserFigure(browser).finally(() => browser.close());
printTable([node, inBrowser], describeMachine(`Chromium ${browser.version()}`));
for (const f of [node, inBrowser]) console.log(`  ${f.id} runs (ms): ${f.runs.map((ms) => ms.toFixed(1)).join(', ')}`);
process.exitCode = [node, inBrowser].some((f) => verdict(f) === 'fail') ? 1 : 0;
