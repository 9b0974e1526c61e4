// The spine, as a member lives it: enroll, lose signal, log three hazards, reload with no
// network, get signal back, and the lead sees exactly three hazards on the endpoint.
import { describe, expect, it } from 'vitest';
import { useProduct } from './helpers/product';
import { newPhone } from './helpers/browser';
import { createHazard, enroll, seriousViolations, waitForServiceWorker } from './helpers/app';
import { demoCompoundCentre } from '../../src/server/seed/compounds';

const product = useProduct();

const HAZARDS = [
  { category: 'Fire safety', severity: 'Urgent', description: 'Fire exit of building 3 blocked by bicycles' },
  { category: 'Electrical', severity: 'High', description: 'Exposed wiring at the east gate lamp' },
  { category: 'Water & drainage', severity: 'Medium', description: '楼顶水箱漏水，墙面潮湿' },
] as const;

describe('a hazard logged offline reaches the endpoint exactly once', () => {
  it('home and the hazard form have no serious or critical axe violations', async () => {
    const context = await newPhone(product.browser);
    const page = await context.newPage();
    await enroll(page, product.server.url, 'DEMO-A-02');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'New hazard' }).click();
    await page.getByLabel('Description').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('survives an offline reload and syncs when the network returns', async () => {
    const centre = demoCompoundCentre('c01');
    const member = await newPhone(product.browser, { geolocation: { latitude: centre.lat, longitude: centre.lng, accuracy: 8 } });
    const page = await member.newPage();

    await enroll(page, product.server.url, 'DEMO-A-01');
    await waitForServiceWorker(page);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('All synced');

    // Offline for page and service worker alike: the browser is offline and the endpoint is down.
    await member.setOffline(true);
    await product.server.stop();

    for (const hazard of HAZARDS) await createHazard(page, hazard);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('3 waiting');
    // Sync now with no network: the failure and what happens next, in words.
    await page.getByRole('button', { name: 'Sync now' }).click();
    const failure = page.getByRole('alert').filter({ hasText: 'Sync failed' });
    await failure.waitFor();
    expect(await failure.textContent()).toContain('will be sent automatically');

    await page.reload();
    await page.getByRole('button', { name: 'New hazard' }).waitFor();
    for (const { description } of HAZARDS) await page.getByText(description, { exact: true }).waitFor();
    for (const { description } of HAZARDS) expect(await page.getByText(description, { exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('3 waiting');

    await product.server.start();
    await member.setOffline(false);
    await page.getByRole('status').getByText('All synced').waitFor({ timeout: 10_000 });

    const lead = await newPhone(product.browser);
    const leadPage = await lead.newPage();
    await enroll(leadPage, product.server.url, 'DEMO-A-LEAD');
    for (const { description } of HAZARDS) await leadPage.getByText(description, { exact: true }).waitFor();

    const rows = product.server.query<{ description: string; compound_id: string | null }>('SELECT description, compound_id FROM hazards');
    expect(rows.map((r) => r.description).sort()).toEqual(HAZARDS.map((h) => h.description).sort());
    expect(rows.every((r) => r.compound_id === 'c01')).toBe(true);

    await lead.close();
    await member.close();
  });
});
