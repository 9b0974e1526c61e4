// The lead's map, in Chromium against the real server, with provider `none` (no internet
// tiles): a seeded day of 2 rounds (one with a gap) and 5 hazards. The canvas draws the track
// and nothing across the gap, the list shows the gap, an XSS description stays text, an offline
// reload still shows the compound outlines, and axe finds nothing serious.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';

// Read by the product server this file starts (src/server/main.ts).
process.env.MAP_PROVIDER = 'none';

import { useProduct } from './helpers/product';
import { newPhone } from './helpers/browser';
import { enroll, seriousViolations, waitForServiceWorker } from './helpers/app';
import { enroll as enrollApi, hazardCreate } from '../server/helpers/api';
import { pushOutcomes } from '../server/helpers/rounds';
import { demoCompoundCentre } from '../../src/server/seed/compounds';
import type { Mutation } from '../../src/shared/protocol/sync';

const product = useProduct();
const DAY = '2026-03-02';
const T0 = Date.parse(`${DAY}T02:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString();
const XSS = '<img src=x onerror=alert(1)>';
const c01 = demoCompoundCentre('c01');
const metresPerDegLng = 111_320 * Math.cos((c01.lat * Math.PI) / 180);
const east = (m: number) => c01.lng + m / metresPerDegLng;

/** Fixes 5 s apart along the latitude `lat`, from `fromM` to `toM` metres east of c01's centre. */
function line(lat: number, fromM: number, toM: number, startAt: number, segment: number) {
  const n = 30;
  return Array.from({ length: n }, (_, i) => ({ at: startAt + i * 5000, lat, lng: east(fromM + ((toM - fromM) * i) / (n - 1)), accuracy: 6, segment }));
}

// Round 1 (a-01): one straight line. Round 2 (a-02): two lines with 10 min and 160 m of gap between.
const LAT1 = c01.lat + 0.0006;
const LAT2 = c01.lat - 0.0006;
const round1 = line(LAT1, -150, 150, T0, 0);
const round2 = [...line(LAT2, -200, -80, T0, 0), ...line(LAT2, 80, 200, T0 + 750_000, 1)];

function roundMutations(teamId: string, memberId: string, points: typeof round1): Mutation[] {
  const id = crypto.randomUUID();
  const base = () => ({ id: crypto.randomUUID(), at: new Date().toISOString() });
  return [
    { ...base(), type: 'round.start', data: { id, teamId, memberIds: [memberId], startedAt: iso(points[0]!.at - 1000) } },
    { ...base(), type: 'track.append', data: { id: crypto.randomUUID(), roundId: id, points } },
    { ...base(), type: 'round.end', data: { roundId: id, endedAt: iso(points.at(-1)!.at + 1000), note: null, autoClosed: false } },
  ];
}

beforeAll(async () => {
  const url = product.server.url;
  const a01 = (await enrollApi(url, 'DEMO-A-01')).token;
  const a02 = (await enrollApi(url, 'DEMO-A-02')).token;
  const acked = (o: Record<string, string>) => expect(Object.values(o).every((v) => v === 'acked'), JSON.stringify(o)).toBe(true);
  acked(await pushOutcomes(url, a01, roundMutations('team-a', 'm-a-01', round1)));
  acked(await pushOutcomes(url, a02, roundMutations('team-a', 'm-a-02', round2)));
  const hazards = [0, 1, 2, 3, 4].map((i) =>
    hazardCreate({
      description: i === 2 ? XSS : `隐患 ${i + 1}`,
      severity: (['low', 'medium', 'high', 'urgent', 'medium'] as const)[i],
      position: { lat: c01.lat + 0.0003 * (i - 2), lng: east(-60 + 30 * i), accuracy: 8, at: iso(T0 + i * 300_000) },
      createdAt: iso(T0 + i * 300_000 + 5000),
    }),
  );
  acked(await pushOutcomes(url, a01, hazards));
});

/** For each CSS pixel across the map at height `y`: is the canvas there drawn in colour `rgb`? */
function trackRow(page: Page, y: number, rgb: number[]): Promise<boolean[]> {
  return page.evaluate(([y, rgb]) => {
    const container = document.querySelector<HTMLElement>('[role="region"][aria-label="Route map"]')!;
    const canvas = container.querySelector<HTMLCanvasElement>('.leaflet-overlay-pane canvas')!;
    const c = container.getBoundingClientRect();
    const r = canvas.getBoundingClientRect();
    const scale = canvas.width / r.width;
    const context = canvas.getContext('2d')!;
    return Array.from({ length: Math.floor(c.width) }, (_, x) => {
      const p = context.getImageData(Math.round((c.left + x - r.left) * scale), Math.round((c.top + y - r.top) * scale), 1, 1).data;
      return p[3]! > 200 && [0, 1, 2].every((i) => Math.abs(p[i]! - rgb[i]!) < 40);
    });
  }, [y, rgb] as const);
}

async function openMap(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Map', exact: true }).click();
  await page.getByLabel('Day').fill(DAY);
  await page.getByRole('region', { name: 'Route map' }).locator('.leaflet-overlay-pane canvas').waitFor();
}

describe('the lead’s map', () => {
  it('draws the day: tracks broken at the gap, 5 hazards, the list with the gap, XSS as text, axe clean', async () => {
    const context = await newPhone(product.browser);
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await enroll(page, product.server.url, 'DEMO-A-LEAD');
    await waitForServiceWorker(page);
    await page.getByRole('status').getByText('All synced').waitFor({ timeout: 20_000 });
    await openMap(page);

    await expect.poll(() => page.locator('.hazard-marker').count()).toBe(5);
    const rounds = page.getByRole('region', { name: 'Route map' }).locator('xpath=..').locator('#map-rounds-heading');
    await expect.poll(() => rounds.textContent()).toBe('Rounds (2)');
    const roundRows = page.locator('.map-list li[id^="map-item-round-"] button');
    expect(await roundRows.count()).toBe(2);
    const texts = await roundRows.allTextContents();
    expect(texts.filter((s) => s.includes('1 gap,'))).toHaveLength(1);
    expect(texts.filter((s) => s.includes('No gaps'))).toHaveLength(1);
    await expect.poll(() => page.getByText('No basemap configured: compound outlines only').count()).toBe(1);
    await expect.poll(() => page.locator('.compound-label').count()).toBe(23);

    // Select the round with the gap: the map fits it, the line runs across the middle.
    await roundRows.filter({ hasText: '1 gap,' }).click();
    await expect.poll(() => roundRows.filter({ hasText: '1 gap,' }).getAttribute('aria-pressed')).toBe('true');
    const box = (await page.getByRole('region', { name: 'Route map' }).boundingBox())!;
    const swatch = await roundRows.filter({ hasText: '1 gap,' }).locator('.swatch').evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = swatch.match(/\d+/g)!.map(Number);
    // Across the map's middle row, the selected track shows as two runs of its colour (one per
    // segment) with the gap between them left blank: nothing is drawn across the gap.
    const runs = async () => {
      const row = await trackRow(page, box.height / 2, [r!, g!, b!]);
      const found: Array<[number, number]> = [];
      row.forEach((on, x) => {
        if (!on) return;
        const last = found.at(-1);
        if (last && last[1] === x - 1) last[1] = x;
        else found.push([x, x]);
      });
      return found.filter(([a, z]) => z - a >= 10);
    };
    await expect.poll(async () => (await runs()).length, { timeout: 10_000 }).toBe(2);
    const [left, right] = await runs();
    expect(right![0] - left![1]).toBeGreaterThan(20);
    const centre = Math.round(box.width / 2);
    expect(left![1]).toBeLessThan(centre);
    expect(right![0]).toBeGreaterThan(centre);
    // The straight round, selected, is one unbroken run through the middle.
    await roundRows.filter({ hasText: 'No gaps' }).click();
    const straight = await roundRows.filter({ hasText: 'No gaps' }).locator('.swatch').evaluate((el) => getComputedStyle(el).backgroundColor);
    const rgb = straight.match(/\d+/g)!.map(Number);
    await expect.poll(async () => (await trackRow(page, box.height / 2, rgb))[centre], { timeout: 10_000 }).toBe(true);

    // The XSS description: open it from the list; the popup shows it literally, nothing runs.
    await page.locator('.map-list li[id^="map-item-hazard-"] button', { hasText: XSS }).click();
    const popup = page.locator('.leaflet-popup-content');
    await popup.waitFor();
    expect(await popup.locator('.hazard-popup__description').textContent()).toBe(XSS);
    expect(await popup.locator('img').count()).toBe(0);
    expect(await popup.getByRole('button', { name: 'Open hazard' }).count()).toBe(1);
    expect(dialogs).toEqual([]);

    // Open only, severity: filters change what is drawn.
    await page.getByLabel('Severity').selectOption({ label: 'Medium' });
    await expect.poll(() => page.locator('.hazard-marker').count()).toBe(2);
    await page.getByLabel('Severity').selectOption({ label: 'All' });
    await page.getByLabel('Open only').check();
    await expect.poll(() => page.locator('.hazard-marker').count()).toBe(5);
    await page.getByLabel('Member').selectOption({ label: (await page.getByLabel('Member').locator('option').nth(1).textContent())! });
    await expect.poll(() => page.locator('.map-list li[id^="map-item-round-"]').count()).toBeLessThan(2);
    await page.getByLabel('Member').selectOption({ label: 'All' });

    // Replay at 02:10 (hazards were logged 5 min apart from 02:00:05): only the 2 logged by then.
    const slider = page.getByRole('slider', { name: 'Replay time' });
    const minutes = await page.evaluate((t) => { const d = new Date(t); return d.getHours() * 60 + d.getMinutes(); }, T0 + 10 * 60_000);
    await slider.evaluate((el, value) => {
      (el as HTMLInputElement).value = String(value);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, minutes);
    await expect.poll(() => page.locator('.hazard-marker').count()).toBe(2);
    await slider.evaluate((el) => {
      (el as HTMLInputElement).value = (el as HTMLInputElement).max;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect.poll(() => page.locator('.hazard-marker').count()).toBe(5);

    expect(await seriousViolations(page)).toEqual([]);
    expect(dialogs).toEqual([]);

    // Offline reload: the map opens from the service worker and Dexie, outlines and all.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('region', { name: 'Route map' }).locator('.leaflet-overlay-pane canvas').waitFor({ timeout: 20_000 });
    await page.getByLabel('Day').fill(DAY);
    await expect.poll(() => page.locator('.compound-label').count()).toBe(23);
    expect(await page.locator('.compound-label').allTextContents()).toContain('No. 1 Tiaodenghe North Rd Compound');
    await expect.poll(() => page.locator('.hazard-marker').count()).toBe(5);
    await context.close();
  });

  it('never loads Leaflet or the map code on the capture path, only when the map opens', async () => {
    const context = await newPhone(product.browser);
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await enroll(page, product.server.url, 'DEMO-A-01');
    await page.getByRole('button', { name: 'New hazard' }).click();
    await page.getByLabel('Description').waitFor();
    await page.reload();
    await page.getByLabel('Description').waitFor();
    const mapCode = (paths: string[]) => paths.filter((p) => /\/assets\/(routeMap|MapScreen|leaflet)[^/]*\.(js|css)$/.test(p));
    expect(requested.filter((p) => p.startsWith('/assets/')).length).toBeGreaterThan(0);
    expect(mapCode(requested)).toEqual([]);

    // The member's own map loads it (and so would have been caught above).
    await page.goto(`${product.server.url}/?lang=en#/`);
    await page.getByRole('button', { name: 'My rounds on the map' }).click();
    await page.getByRole('region', { name: 'Route map' }).locator('.leaflet-overlay-pane canvas').waitFor();
    expect(mapCode(requested).some((p) => p.includes('routeMap'))).toBe(true);
    await context.close();
  });
});
