// A hazard saved where the GPS gave nothing is placed on the map afterwards: the member saves it
// with no position (the phone's GPS answers "unavailable", again and again), it syncs; the lead
// opens it, drags the pin on the picker and saves; the endpoint holds the new WGS-84 position and
// the compound it found itself. The server draws on AMap (GCJ-02), so a pin shown or read back
// without the shift would land about 500 m off, outside every compound. And during an open round
// the form takes the round's fix even when its own watch fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import gcoord from 'gcoord';
import type { BrowserContext, Page } from 'playwright-core';
import { useProduct } from './helpers/product';
import { SECOND_WATCH_FAILS } from './helpers/geolocation';
import { newPhone } from './helpers/browser';
import { enroll, seriousViolations, waitForServiceWorker } from './helpers/app';
import { demoCompoundCentre } from '../../src/server/seed/compounds';

const previousProvider = process.env.MAP_PROVIDER;
beforeAll(() => void (process.env.MAP_PROVIDER = 'amap'));
const product = useProduct();
afterAll(() => {
  if (previousProvider === undefined) delete process.env.MAP_PROVIDER;
  else process.env.MAP_PROVIDER = previousProvider;
});

const c01 = demoCompoundCentre('c01');
const METRES_PER_DEG_LAT = 111_195;

/** Every watch the page starts fails with POSITION_UNAVAILABLE, as a phone indoors does. */
const GPS_UNAVAILABLE = () => {
  navigator.geolocation.watchPosition = (_ok, fail) => {
    setTimeout(() => fail?.({ code: 2, message: 'unavailable', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 } as GeolocationPositionError), 50);
    return 1;
  };
  navigator.geolocation.clearWatch = () => undefined;
};

async function synced(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByRole('status').getByText('All synced').waitFor({ timeout: 15_000 });
}

async function fillHazard(page: Page, description: string): Promise<void> {
  await page.getByRole('button', { name: 'New hazard' }).click();
  await page.getByLabel('Category').selectOption({ label: 'Fire safety' });
  await page.getByLabel('Description').fill(description);
}

describe('place it on the map', () => {
  let memberPhone: BrowserContext;
  let leadPhone: BrowserContext;
  afterAll(async () => {
    await leadPhone?.close();
    await memberPhone?.close();
  });

  it('a member saves a hazard with no fix; the lead drags the pin and the endpoint stores where and which compound', async () => {
    memberPhone = await newPhone(product.browser, { geolocation: { latitude: c01.lat, longitude: c01.lng, accuracy: 5 } });
    await memberPhone.addInitScript(GPS_UNAVAILABLE);
    const member = await memberPhone.newPage();
    await enroll(member, product.server.url, 'DEMO-A-06');
    await waitForServiceWorker(member);
    const description = 'Extinguisher cabinet empty, basement garage';
    await fillHazard(member, description);
    // It keeps trying and says so, and that saving without a position is fine.
    await member.getByText('No position yet').waitFor();
    await member.getByText('GPS not available right now. Trying again by itself…').waitFor();
    await member.getByText(/place it on the map later/).waitFor();
    await member.getByRole('button', { name: 'Save', exact: true }).click();
    await member.getByRole('button', { name: 'New hazard' }).waitFor();
    await synced(member);
    const [saved] = product.server.query<{ id: string; lat: number | null; compound_id: string | null }>('SELECT id, lat, compound_id FROM hazards');
    expect(saved).toMatchObject({ lat: null, compound_id: null });

    leadPhone = await newPhone(product.browser);
    const lead = await leadPhone.newPage();
    await enroll(lead, product.server.url, 'DEMO-A-LEAD');
    await lead.getByText(description, { exact: true }).waitFor({ timeout: 15_000 });
    await lead.getByRole('link', { name: new RegExp(description) }).click();
    await lead.getByTestId('position-line').getByText('No position — place it on the map later').waitFor();
    await lead.getByRole('button', { name: 'Place on the map' }).click();
    const picker = lead.getByRole('region', { name: 'Map for placing the hazard' });
    const pin = picker.getByRole('button', { name: 'Hazard position: drag to move' });
    await pin.waitFor();
    // No tiles here (no internet): the outlines and the pin still draw, and it says so.
    await lead.getByText('Map tiles unavailable: compound outlines only').waitFor();
    expect(await seriousViolations(lead)).toEqual([]);

    // The pin starts at c01's centre. One arrow key press nudges it 8 px east (keyboards can
    // place it too), then a drag moves it 20 px east and 15 px south (zoom 17).
    await pin.focus();
    await lead.keyboard.press('ArrowRight');
    await lead.getByTestId('place-compound').getByText('Compound: No. 1 Tiaodenghe North Rd Compound').waitFor();
    const box = (await pin.boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await lead.mouse.move(x, y);
    await lead.mouse.down();
    await lead.mouse.move(x + 10, y + 7, { steps: 4 });
    await lead.mouse.move(x + 20, y + 15, { steps: 4 });
    await lead.mouse.up();
    await lead.getByTestId('place-compound').getByText('Compound: No. 1 Tiaodenghe North Rd Compound').waitFor();
    await lead.getByRole('button', { name: 'Save' }).click();
    await lead.getByRole('region', { name: 'History' }).getByText('Placed on the map').waitFor();
    await lead.getByRole('region', { name: 'History' }).getByText('Waiting to sync').waitFor({ state: 'detached', timeout: 15_000 });

    // Where the pin went, by Web Mercator at zoom 17 on the GCJ-02 map, and back to WGS-84.
    const degPerPx = 360 / (256 * 2 ** 17);
    const [gx, gy] = gcoord.transform([c01.lng, c01.lat], gcoord.WGS84, gcoord.GCJ02);
    const [ex, ey] = gcoord.transform([gx + 28 * degPerPx, gy - 15 * degPerPx * Math.cos((gy * Math.PI) / 180)], gcoord.GCJ02, gcoord.WGS84);
    const [row] = product.server.query<{ lat: number; lng: number; accuracy: number; compound_id: string | null }>(
      'SELECT lat, lng, accuracy, compound_id FROM hazards WHERE id = ?',
      saved!.id,
    );
    const metresOff = Math.hypot((row!.lat - ey) * METRES_PER_DEG_LAT, (row!.lng - ex) * METRES_PER_DEG_LAT * Math.cos((ey * Math.PI) / 180));
    expect(metresOff).toBeLessThan(3);
    expect(row).toMatchObject({ accuracy: 10, compound_id: 'c01' });
    const history = product.server.query<{ type: string; author_id: string }>('SELECT type, author_id FROM hazard_events WHERE hazard_id = ?', saved!.id);
    expect(history).toEqual([{ type: 'place', author_id: 'm-a-lead' }]);

    // The detail now reads as a place, not as coordinates, and draws its small map.
    await lead.getByTestId('position-line').getByText('No. 1 Tiaodenghe North Rd Compound · ±10 m').waitFor();
    await lead.getByTestId('position-map').locator('.pin-marker').waitFor();
    expect(await lead.getByRole('button', { name: 'Place on the map' }).count()).toBe(0);
    expect(await seriousViolations(lead)).toEqual([]);
  });

  it('during a round, a hazard takes the round’s recent fix even when the form’s own GPS watch fails', async () => {
    const phone = await newPhone(product.browser, { geolocation: { latitude: c01.lat, longitude: c01.lng, accuracy: 8 } });
    await phone.addInitScript(SECOND_WATCH_FAILS);
    const page = await phone.newPage();
    await enroll(page, product.server.url, 'DEMO-A-07');
    await page.getByRole('button', { name: 'Start round' }).click();
    await page.getByRole('button', { name: 'End round' }).waitFor();
    await expect.poll(() => page.locator('.stats div', { hasText: 'Fixes' }).locator('dd').textContent()).toBe('1');
    const description = 'Bikes stacked in front of the fire door';
    await fillHazard(page, description);
    await page.getByText('±8 m from your round').waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('button', { name: 'New hazard' }).waitFor();
    await synced(page);
    const [row] = product.server.query<{ lat: number; lng: number; accuracy: number; compound_id: string; round_id: string | null }>(
      'SELECT lat, lng, accuracy, compound_id, round_id FROM hazards WHERE description = ?',
      description,
    );
    expect(row).toMatchObject({ lat: c01.lat, lng: c01.lng, accuracy: 8, compound_id: 'c01' });
    expect(row!.round_id).toBeTruthy();
    await phone.close();
  });
});
