// Offline cold start: a reload served by the service worker with the network and the endpoint
// both gone, until "New hazard" is enabled. CPU throttling uses CDP Emulation.setCPUThrottlingRate.
import type { Page } from 'playwright-core';
import { measured, type Figure } from '../lib/figure';
import { reloadUntilNewHazard } from './phone';

const WARMUPS = 1;
const RUNS = 7;
export const OFFLINE_COLD_START_MS = 1000;

/** The caller has taken the context offline and stopped the server. */
export async function measureOfflineColdStart(page: Page, rate: number): Promise<Figure> {
  const cdp = await page.context().newCDPSession(page);
  const runs: number[] = [];
  try {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    for (let i = 0; i < WARMUPS + RUNS; i++) {
      const ms = await reloadUntilNewHazard(page);
      const fromWorker = await page.evaluate(() => navigator.serviceWorker.controller !== null);
      if (!fromWorker) throw new Error('the offline reload was not served by the service worker');
      if (i >= WARMUPS) runs.push(ms);
    }
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }
  return measured(
    {
      id: rate === 1 ? 'offlineColdStartUnthrottled' : 'offlineColdStart',
      name: rate === 1 ? 'offline cold start (no throttle)' : `offline cold start (${rate}× CPU)`,
      unit: 'ms',
      budget: rate === 1 ? null : { op: '<=', limit: OFFLINE_COLD_START_MS, on: 'median' },
    },
    runs,
  );
}
