// A round as a member walks it: start, 40 fixes crossing two compounds, 90 s of silence (the
// screen off), a manual checkpoint scan, the end offline, then sync. The lead sees the round with
// its one gap, and coverage shows exactly the compounds walked through as visited today.
import { describe, expect, it } from 'vitest';
import { useProduct } from './helpers/product';
import { newPhone } from './helpers/browser';
import { enroll, seriousViolations, waitForServiceWorker } from './helpers/app';
import { demoCompoundCentre } from '../../src/server/seed/compounds';

const product = useProduct();

const METRES_PER_DEG_LAT = 110_900;
/** 40 fixes along the row of compounds c01 → c02, from 100 m west of c01's centre to 50 m east of c02's. */
function walk(): { latitude: number; longitude: number; accuracy: number }[] {
  const c01 = demoCompoundCentre('c01');
  const metresPerDegLng = 111_320 * Math.cos((c01.lat * Math.PI) / 180);
  return Array.from({ length: 40 }, (_, i) => {
    const east = -100 + (i * 330) / 39;
    return { latitude: c01.lat + 0.5 / METRES_PER_DEG_LAT, longitude: c01.lng + east / metresPerDegLng, accuracy: 6 };
  });
}

describe('patrol rounds', () => {
  it('records a round with an honest gap, and the lead sees coverage', async () => {
    const path = walk();
    const context = await newPhone(product.browser, { geolocation: path[0] });
    const page = await context.newPage();
    await page.clock.install();
    await enroll(page, product.server.url, 'DEMO-A-02');
    await waitForServiceWorker(page);

    await page.getByRole('button', { name: 'Start round' }).click();
    await page.getByRole('button', { name: 'End round' }).waitFor();
    for (const [i, position] of path.entries()) {
      // 5 s between fixes: a walking pace. After the 20th, 90 s with no fix at all.
      await page.clock.fastForward(i === 20 ? 90_000 : 5_000);
      await context.setGeolocation(position);
      await expect.poll(() => page.locator('.stats div', { hasText: 'Fixes' }).locator('dd').textContent()).toBe(String(i + 1));
    }
    await expect.poll(() => page.locator('.round').textContent()).toContain('1 gap,');

    const [checkpoint] = product.server.query<{ code: string }>("SELECT code FROM checkpoints WHERE compound_id = 'c01' LIMIT 1");
    await page.getByRole('button', { name: 'Scan checkpoint' }).click();
    await page.getByLabel('Checkpoint code').fill(checkpoint!.code);
    await page.getByRole('button', { name: 'Record scan' }).click();
    await page.getByText(/Scan recorded/).waitFor();
    await page.getByRole('button', { name: 'Back' }).click();

    await context.setOffline(true);
    await page.getByLabel('Round note (optional)').fill('东门消防通道畅通');
    await page.getByRole('button', { name: 'End round' }).click();
    await page.getByRole('button', { name: 'Yes, end round' }).click();
    await page.getByRole('button', { name: 'Start round' }).waitFor();
    await context.setOffline(false);
    await page.getByRole('status').getByText('All synced').waitFor({ timeout: 15_000 });

    const [round] = product.server.query<{ ended_at: string | null }>('SELECT ended_at FROM rounds');
    expect(round?.ended_at).toBeTruthy();

    const lead = await newPhone(product.browser);
    const leadPage = await lead.newPage();
    await enroll(leadPage, product.server.url, 'DEMO-A-LEAD');
    await leadPage.getByRole('button', { name: 'Coverage' }).click();
    await leadPage.getByText('2 of 23 compounds visited').waitFor();
    expect(await seriousViolations(leadPage)).toEqual([]);
    const visited = await leadPage.locator('.coverage--visited strong').allTextContents();
    expect(visited.sort()).toEqual(['No. 1 Tiaodenghe North Rd Compound', 'No. 3 Tiaodenghe North Rd Compound']);
    expect(await leadPage.locator('.coverage--missed').count()).toBe(21);
    await expect.poll(() => leadPage.getByRole('region', { name: 'Rounds' }).textContent()).toContain('1 gap,');
    await context.close();
    await lead.close();
  });
});

describe('checkpoint QR sheet', () => {
  it('gives the office one printable QR card per checkpoint, with the compound in Chinese', async () => {
    const checkpoints = product.server.query<{ code: string }>('SELECT code FROM checkpoints');
    const context = await newPhone(product.browser);
    const page = await context.newPage();
    await enroll(page, product.server.url, 'DEMO-ADMIN');
    await page.getByRole('button', { name: 'Print checkpoint QR codes' }).click();
    await expect.poll(() => page.locator('.qr-card img').count(), { timeout: 15_000 }).toBe(checkpoints.length);
    const codes = await page.locator('.qr-card code').allTextContents();
    expect(codes.sort()).toEqual(checkpoints.map((c) => c.code).sort());
    await page.getByText('跳蹬河北路1号院', { exact: true }).first().waitFor();
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await context.close();
  });
});
