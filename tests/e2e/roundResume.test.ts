// A round survives a reload (Android reloads background tabs): it goes on recording with no tap,
// the time the page was gone and silent is a gap (a new segment), a hazard logged after the
// reload belongs to the round on the server, the Recording line is on every screen, and ending
// the round asks first. Also measures navigation start → "Recording" shown after a reload.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useProduct } from './helpers/product';
import { newPhone } from './helpers/browser';
import { enroll, seriousViolations, waitForServiceWorker } from './helpers/app';
import { demoCompoundCentre } from '../../src/server/seed/compounds';

const product = useProduct();
const c01 = demoCompoundCentre('c01');
/** 10 m steps east of c01's centre. */
const at = (step: number) => ({ latitude: c01.lat, longitude: c01.lng + (step * 10) / (111_320 * Math.cos((c01.lat * Math.PI) / 180)), accuracy: 6 });

/** The phone's own kept fixes, read straight from IndexedDB. */
function storedPoints(page: Page): Promise<{ roundId: string; segment: number }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('patrol-log');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('trackPoints').objectStore('trackPoints').getAll();
          request.onsuccess = () => resolve(request.result.map(({ roundId, segment }: { roundId: string; segment: number }) => ({ roundId, segment })));
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

const indicator = (page: Page) => page.locator('.rec-bar').getByRole('button');
const fixes = (page: Page) => page.locator('.stats div', { hasText: 'Fixes' }).locator('dd').textContent();

describe('a round across a reload', () => {
  it('resumes recording by itself, with a gap, and links hazards logged after the reload', async () => {
    const context = await newPhone(product.browser, { geolocation: at(0) });
    const page = await context.newPage();
    await page.clock.install();
    await enroll(page, product.server.url, 'DEMO-A-03');
    await waitForServiceWorker(page);

    await page.getByRole('button', { name: 'Start round' }).click();
    await indicator(page).waitFor();
    for (let step = 1; step <= 4; step++) {
      await page.clock.fastForward(5_000);
      await context.setGeolocation(at(step));
      await expect.poll(() => fixes(page)).toBe(String(step + 1));
    }
    const [round] = await page.evaluate(() => new Promise<string[]>((resolve) => {
      const open = indexedDB.open('patrol-log');
      open.onsuccess = () => {
        const request = open.result.transaction('rounds').objectStore('rounds').getAllKeys();
        request.onsuccess = () => resolve(request.result as string[]);
      };
    }));
    expect(await indicator(page).textContent()).toMatch(/^Recording · last fix \d+ s ago/);

    await page.reload();
    // No tap: the line says Recording again, and the panel is the recording one, not "Resume".
    // …and its first fix after the reload has arrived, so the silence below starts from it.
    await expect.poll(() => indicator(page).textContent(), { timeout: 10_000 }).toMatch(/^Recording · last fix/);
    await page.getByRole('heading', { name: 'Round in progress' }).waitFor();
    expect(await page.getByRole('button', { name: 'Resume round' }).count()).toBe(0);
    // Over 60 s of silence on the page's clock, then the member walks on.
    await page.clock.fastForward(90_000);
    await expect.poll(() => indicator(page).textContent()).toMatch(/^No GPS signal · last fix 1 min ago/);
    await context.setGeolocation(at(6));
    await expect.poll(async () => (await storedPoints(page)).at(-1)?.segment).toBe(1);
    await page.clock.fastForward(5_000);
    await context.setGeolocation(at(7));
    await expect.poll(async () => (await storedPoints(page)).length).toBe(7);
    const points = await storedPoints(page);
    expect(points.every((p) => p.roundId === round)).toBe(true);
    expect(points.map((p) => p.segment)).toEqual([0, 0, 0, 0, 0, 1, 1]);
    expect(await seriousViolations(page)).toEqual([]);

    // A hazard logged after the reload; the line is on the form too.
    await page.getByRole('button', { name: 'New hazard' }).click();
    await page.getByLabel('Category').waitFor();
    expect(await indicator(page).textContent()).toMatch(/^Recording · last fix \d+ s ago/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Category').selectOption({ index: 1 });
    await page.getByLabel('Description').fill('5 栋楼道电线裸露');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('button', { name: 'New hazard' }).waitFor();

    // Settings has it as well; a tap on it brings the round panel, focused.
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).first().waitFor();
    await indicator(page).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await indicator(page).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('round-heading');

    // Ending asks first; Keep recording keeps it.
    await page.getByRole('button', { name: 'End round' }).click();
    await page.getByText('End this round?').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Keep recording' }).click();
    expect(await indicator(page).count()).toBe(1);
    await page.getByRole('button', { name: 'End round' }).click();
    await page.getByRole('button', { name: 'Yes, end round' }).click();
    await page.getByRole('button', { name: 'Start round' }).waitFor();
    expect(await indicator(page).count()).toBe(0);

    await page.getByRole('status').getByText('All synced').waitFor({ timeout: 15_000 });
    const hazards = product.server.query<{ round_id: string | null }>("SELECT round_id FROM hazards WHERE description = '5 栋楼道电线裸露'");
    expect(hazards).toEqual([{ round_id: round }]);
    const batches = product.server.query<{ points: string }>('SELECT points FROM track_batches WHERE round_id = ?', round);
    const segments = batches.flatMap((b) => (JSON.parse(b.points) as { segment: number }[]).map((p) => p.segment));
    expect(segments).toEqual([0, 0, 0, 0, 0, 1, 1]);
    await context.close();
  });

  it('shows Recording soon after a reload (navigation start → line shown, median of 5)', async () => {
    const context = await newPhone(product.browser, { geolocation: at(0) });
    const page = await context.newPage();
    // Stamps the moment the line appears, on the page's own clock (0 = navigation start).
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('.rec-bar')) {
          (window as unknown as { recordingShownAt: number }).recordingShownAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await enroll(page, product.server.url, 'DEMO-A-04');
    await waitForServiceWorker(page);
    await page.getByRole('button', { name: 'Start round' }).click();
    await indicator(page).waitFor();
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.reload();
      await page.waitForFunction(() => 'recordingShownAt' in window, undefined, { timeout: 10_000 });
      runs.push(await page.evaluate(() => (window as unknown as { recordingShownAt: number }).recordingShownAt));
    }
    runs.sort((a, b) => a - b);
    console.log(`navigation start → Recording shown after a reload: median ${runs[2]!.toFixed(0)} ms (runs ${runs.map((r) => r.toFixed(0)).join(', ')})`);
    expect(runs[2]).toBeLessThan(3_000);
    await context.close();
  });
});
