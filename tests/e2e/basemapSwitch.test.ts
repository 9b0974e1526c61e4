// The office switches the basemap (MAP_PROVIDER=osm → amap) and restarts the endpoint: a lead
// whose app was installed before the switch gets the new tiles at the next online start, with
// no reinstall and no clearing of site data. Tiles are answered here (no internet) with a PNG.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newPhone } from './helpers/browser';
import { startProductServer, type ProductServer } from './helpers/server';
import { enroll, waitForServiceWorker } from './helpers/app';

// 1×1 opaque PNG: enough for Leaflet to count a tile as loaded.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64');
const OSM = /^https:\/\/tile\.openstreetmap\.org\//;
const AMAP = /^https:\/\/webrd0[1-4]\.is\.autonavi\.com\//;

let server: ProductServer;
let browser: Browser;
beforeAll(async () => {
  server = await startProductServer(undefined, { MAP_PROVIDER: 'osm' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Tile hosts asked, answered locally; CSP violations the page or its worker report. */
async function instrument(context: BrowserContext) {
  const tiles: string[] = [];
  const violations: string[] = [];
  await context.route((url) => OSM.test(url.href) || AMAP.test(url.href), (route) => {
    tiles.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'image/png', body: PNG, headers: { 'access-control-allow-origin': '*' } });
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const watch = (source: { on(event: 'console', f: (m: { text(): string }) => void): unknown }) =>
    source.on('console', (m) => /Content Security Policy|CSP violation/i.test(m.text()) && violations.push(m.text()));
  watch(context);
  context.on('serviceworker', watch);
  return { tiles, violations };
}

async function openMap(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Map', exact: true }).click();
  await page.getByRole('region', { name: 'Route map' }).locator('.leaflet-tile-pane').waitFor({ state: 'attached' });
}

/** Tiles Leaflet has drawn, by host. */
function drawnTiles(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLImageElement>('.leaflet-tile-pane img.leaflet-tile-loaded')]
      .filter((img) => img.complete && img.naturalWidth > 0)
      .map((img) => new URL(img.src).host),
  );
}

describe('switching the basemap on the server', () => {
  it('an installed phone draws the new provider’s tiles after the restart, with no CSP block', async () => {
    const context = await newPhone(browser);
    const seen = await instrument(context);
    const page = await context.newPage();
    await enroll(page, server.url, 'DEMO-A-LEAD');
    await waitForServiceWorker(page);
    await openMap(page);
    await expect.poll(async () => (await drawnTiles(page)).some((h) => h === 'tile.openstreetmap.org'), { timeout: 15_000 }).toBe(true);
    expect(seen.violations).toEqual([]);

    await server.stop();
    await server.start({ MAP_PROVIDER: 'amap' });
    const tilesBefore = seen.tiles.length;
    // The installed app starts at `/`, the URL the precache itself would answer.
    await page.goto(`${server.url}/`);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await openMap(page);
    await expect.poll(async () => (await drawnTiles(page)).filter((h) => h.endsWith('.is.autonavi.com')).length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(seen.tiles.slice(tilesBefore).some((u) => AMAP.test(u))).toBe(true);
    expect(seen.violations).toEqual([]);
    expect(await page.getByText('Map tiles unavailable offline').count()).toBe(0);

    // The refreshed headers were stored: offline, the next start draws the cached new tiles.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('region', { name: 'Route map' }).locator('.leaflet-tile-pane').waitFor({ state: 'attached', timeout: 20_000 });
    await expect.poll(async () => (await drawnTiles(page)).filter((h) => h.endsWith('.is.autonavi.com')).length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(seen.violations).toEqual([]);
    await context.close();
  });
});
