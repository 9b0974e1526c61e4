// The map figures on their own: `npx tsx tests/bench/map/main.ts`. The full bench (`npm run
// bench`) measures them too; this is for working on the map without the rest of the run.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { buildApp } from '../bundle/buildApp';
import { describeMachine, printTable } from '../lib/report';
import { verdict } from '../lib/figure';
import { launchChromium } from '../../e2e/helpers/browser';
import { startProductServer } from '../../e2e/helpers/server';
import { enrolledPhone } from '../browser/phone';
import { mapFigures } from './mapFigures';

// No internet tiles: the map draws compound outlines on a plain background.
process.env.MAP_PROVIDER = 'none';
const root = fileURLToPath(new URL('../../..', import.meta.url));
const distDir = join(root, 'node_modules/.cache/bench-map-dist');
buildApp(root, distDir);
const server = await startProductServer(distDir);
const browser = await launchChromium();
try {
  const phone = await enrolledPhone(browser, server.url, 'DEMO-A-LEAD');
  const figures = await mapFigures(phone.page);
  printTable(figures, describeMachine(`Chromium ${browser.version()}`));
  for (const f of figures) console.log(`  ${f.id} runs: ${f.runs.slice(0, 12).map((v) => v.toFixed(1)).join(', ')}${f.runs.length > 12 ? ', …' : ''}`);
  process.exitCode = figures.some((f) => verdict(f) === 'fail') ? 1 : 0;
} finally {
  await browser.close();
  await server.stop();
}
