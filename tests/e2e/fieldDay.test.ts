// A patrol's field day on two phones, end to end. Phone A (a member) starts a round and walks;
// logs a hazard with a photo while its own GPS watch fails, so the position must come from the
// round; reloads mid-round (as Android does to background tabs) and keeps recording with no tap;
// syncs. Phone B (the lead) opens the hazard: the photo is drawn (pixels checked) and opens full
// screen; offline after a reload it is still there. Then a hazard saved with no fix is placed on
// the map by the lead, and the endpoint holds its position and compound.
import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useProduct } from './helpers/product';
import { SECOND_WATCH_FAILS } from './helpers/geolocation';
import { newPhone } from './helpers/browser';
import { enroll, seriousViolations, waitForServiceWorker } from './helpers/app';
import { drawn, expectedPixels, expectPhotoOf } from './helpers/photoPixels';
import { photoFixture } from '../fixtures/photos';
import { demoCompoundCentre } from '../../src/server/seed/compounds';

const product = useProduct();
const c01 = demoCompoundCentre('c01');
const PHOTO = 'small-1200x900.jpg';
const PHOTO_URL = /\/api\/v1\/photos\/[0-9a-f]{64}$/;
/** 10 m steps east of c01's centre. */
const at = (step: number) => ({ latitude: c01.lat, longitude: c01.lng + (step * 10) / (111_320 * Math.cos((c01.lat * Math.PI) / 180)), accuracy: 6 });

const recording = (page: Page) => page.locator('.rec-bar').getByRole('button');
const fixes = (page: Page) => page.locator('.stats div', { hasText: 'Fixes' }).locator('dd').textContent();

async function synced(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByRole('status').getByText('All synced').waitFor({ timeout: 30_000 });
}

async function logHazard(page: Page, description: string, withPhoto: boolean): Promise<void> {
  await page.getByRole('button', { name: 'New hazard' }).click();
  await page.getByLabel('Category').selectOption({ label: 'Fire safety' });
  await page.getByRole('radiogroup', { name: 'Severity' }).getByLabel('Urgent').check();
  await page.getByLabel('Description').fill(description);
  if (withPhoto) {
    await page.getByLabel('Add photo').setInputFiles([{ name: PHOTO, mimeType: 'image/jpeg', buffer: Buffer.from(photoFixture(PHOTO)) }]);
    await page.getByText('1 of 6 photos').waitFor({ timeout: 30_000 });
  }
}

describe('a field day on two phones', () => {
  const phones: BrowserContext[] = [];
  afterAll(async () => {
    for (const phone of phones) await phone.close();
  });

  it('position from the round, recording across a reload, the photo on the lead’s phone, a pin placed later', async () => {
    // Phone A: a member walks a round.
    const phoneA = await newPhone(product.browser, { geolocation: at(0) });
    phones.push(phoneA);
    await phoneA.addInitScript(SECOND_WATCH_FAILS);
    const a = await phoneA.newPage();
    // The page's clock moves 5 s a step: a walker's 10 m faster than that would be a GPS jump.
    await a.clock.install();
    await enroll(a, product.server.url, 'DEMO-A-02');
    await waitForServiceWorker(a);
    await a.getByRole('button', { name: 'Start round' }).click();
    await recording(a).waitFor();
    for (let step = 1; step <= 3; step++) {
      await a.clock.fastForward(5_000);
      await phoneA.setGeolocation(at(step));
      await expect.poll(() => fixes(a)).toBe(String(step + 1));
    }

    // The hazard: the form's own watch fails, so its position is the round's latest fix.
    const description = 'Fire door of building 2 chained shut';
    await logHazard(a, description, true);
    await a.getByText('from your round').waitFor();
    expect(await seriousViolations(a)).toEqual([]);
    await a.getByRole('button', { name: 'Save', exact: true }).click();
    await a.getByRole('link', { name: new RegExp(description) }).waitFor();

    // Android reloads the tab: recording goes on by itself, and the next fix is stored.
    await a.reload();
    await expect.poll(() => recording(a).textContent(), { timeout: 10_000 }).toMatch(/^Recording/);
    await a.clock.fastForward(5_000);
    await phoneA.setGeolocation(at(4));
    await expect.poll(() => fixes(a)).toBe('5');
    await synced(a);
    const [hazard] = product.server.query<{ id: string; lat: number | null; lng: number | null; round_id: string | null; compound_id: string | null; photo_ids: string }>(
      'SELECT id, lat, lng, round_id, compound_id, photo_ids FROM hazards WHERE description = ?',
      description,
    );
    const [round] = product.server.query<{ id: string }>('SELECT id FROM rounds');
    expect(hazard).toMatchObject({ round_id: round!.id, compound_id: 'c01' });
    // The round's third fix (30 m east), not the form's failed watch.
    expect(hazard!.lat).toBeCloseTo(at(3).latitude, 5);
    expect(hazard!.lng).toBeCloseTo(at(3).longitude, 5);
    expect(JSON.parse(hazard!.photo_ids)).toHaveLength(1);

    // Phone B: the lead opens it; the photo is fetched, drawn and opens full screen.
    const phoneB = await newPhone(product.browser);
    phones.push(phoneB);
    const b = await phoneB.newPage();
    const fetched: number[] = [];
    b.on('response', (r) => void (PHOTO_URL.test(r.url()) && r.request().method() === 'GET' && r.body().then((body) => fetched.push(body.length))));
    await enroll(b, product.server.url, 'DEMO-A-LEAD');
    await waitForServiceWorker(b);
    await b.getByRole('link', { name: new RegExp(description) }).waitFor({ timeout: 30_000 });
    const opened = Date.now();
    await b.getByRole('link', { name: new RegExp(description) }).click();
    const photo = b.locator('section[aria-labelledby="photos-heading"] img[data-photo-state="full"]').first();
    await photo.waitFor({ timeout: 15_000 });
    const shown = await drawn(photo);
    const drawnMs = Date.now() - opened;
    expectPhotoOf(shown, await expectedPixels(b, PHOTO));
    await expect.poll(() => fetched.length).toBe(1);
    console.log(`field day: detail opened → photo drawn ${drawnMs} ms; ${fetched[0]} bytes fetched for the photo`);
    await b.getByRole('button', { name: 'Open photo 1 of 1' }).click();
    const viewer = b.getByRole('dialog', { name: 'Photo 1 of 1' });
    await viewer.locator('img[data-photo-state="full"]').waitFor();
    expect(await seriousViolations(b)).toEqual([]);
    await b.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });

    // Offline, after a reload: the photo is on the phone now.
    await phoneB.setOffline(true);
    await b.reload();
    await photo.waitFor({ timeout: 15_000 });
    expectPhotoOf(await drawn(photo), await expectedPixels(b, PHOTO));
    expect(fetched).toHaveLength(1);
    await phoneB.setOffline(false);

    // A hazard saved with no fix at all (the member ended the round, then location was refused).
    await a.getByRole('button', { name: 'End round' }).click();
    await a.getByRole('button', { name: 'Yes, end round' }).click();
    await a.getByRole('button', { name: 'Start round' }).waitFor();
    await phoneA.clearPermissions();
    const unplaced = 'Extinguisher missing in the bike shed';
    await logHazard(a, unplaced, false);
    await a.getByRole('button', { name: 'Save', exact: true }).click();
    await a.getByRole('link', { name: new RegExp(unplaced) }).waitFor();
    await synced(a);
    const [saved] = product.server.query<{ id: string; lat: number | null }>('SELECT id, lat FROM hazards WHERE description = ?', unplaced);
    expect(saved!.lat).toBeNull();

    // The lead drags its pin on the map picker.
    await b.getByRole('button', { name: 'Back' }).click();
    await synced(b);
    await b.getByRole('link', { name: new RegExp(unplaced) }).click();
    await b.getByRole('button', { name: 'Place on the map' }).click();
    const pin = b.getByRole('region', { name: 'Map for placing the hazard' }).getByRole('button', { name: 'Hazard position: drag to move' });
    await pin.waitFor();
    expect(await seriousViolations(b)).toEqual([]);
    const box = (await pin.boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await b.mouse.move(x, y);
    await b.mouse.down();
    await b.mouse.move(x + 12, y + 8, { steps: 5 });
    await b.mouse.up();
    await b.getByRole('button', { name: 'Save' }).click();
    await b.getByRole('region', { name: 'History' }).getByText('Placed on the map').waitFor();
    await b.getByRole('region', { name: 'History' }).getByText('Waiting to sync').waitFor({ state: 'detached', timeout: 15_000 });
    const [placed] = product.server.query<{ lat: number | null; lng: number | null; compound_id: string | null }>('SELECT lat, lng, compound_id FROM hazards WHERE id = ?', saved!.id);
    expect(placed!.lat).not.toBeNull();
    expect(placed!.compound_id).not.toBeNull();
    expect(product.server.query('SELECT type FROM hazard_events WHERE hazard_id = ?', saved!.id)).toEqual([{ type: 'place' }]);
  });
});
