// Capture JS, measured: the gz bytes of every script the page requested before "New hazard" was
// enabled, on a cold load (HTTP cache cleared, service worker bypassed, so everything comes from
// the network). Sizes are gzip-9 of the same files in the build, so the figure matches the static one.
import type { Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzBytes, CAPTURE_JS_KB } from '../bundle/bundleSizes';
import { measured, type Figure } from '../lib/figure';
import { reloadUntilNewHazard } from './phone';

const WARMUPS = 1;
const RUNS = 5;

async function scriptsRequestedBefore(page: Page, at: number): Promise<string[]> {
  return page.evaluate(
    (until) =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime <= until && new URL(entry.name).pathname.endsWith('.js'))
        .map((entry) => new URL(entry.name).pathname),
    at,
  );
}

export async function measureCaptureJs(page: Page, distDir: string): Promise<Figure> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setBypassServiceWorker', { bypass: true });
  const runs: number[] = [];
  let files: string[] = [];
  try {
    for (let i = 0; i < WARMUPS + RUNS; i++) {
      await cdp.send('Network.clearBrowserCache');
      const readyAt = await reloadUntilNewHazard(page);
      files = (await scriptsRequestedBefore(page, readyAt)).map((path) => path.replace(/^\//, ''));
      const missing = files.filter((file) => !existsSync(join(distDir, file)));
      if (missing.length > 0) throw new Error(`the page loaded scripts that are not in the bench's build (is the server serving another folder?): ${missing.join(', ')}`);
      const bytes = files.reduce((sum, file) => sum + gzBytes(distDir, file), 0);
      if (i >= WARMUPS) runs.push(bytes / 1024);
    }
  } finally {
    await cdp.send('Network.setBypassServiceWorker', { bypass: false });
    await cdp.detach();
  }
  return measured(
    {
      id: 'captureJs',
      name: 'capture JS (cold load)',
      unit: 'KB',
      budget: { op: '<=', limit: CAPTURE_JS_KB, on: 'median' },
      note: `scripts before New hazard was enabled: ${files.join(', ')}`,
    },
    runs,
  );
}
