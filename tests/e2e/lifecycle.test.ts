// The hazard lifecycle as people live it: a member logs hazards, the team lead assigns one to the
// compound's property company and resolves it with an after photo, and the member's phone shows
// it resolved with its full history. A second member about to log the same thing 10 m away is
// shown the open hazard and adds "also seen" to it instead.
import { photoFixturePath } from '../fixtures/photos';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useProduct } from './helpers/product';
import { newPhone } from './helpers/browser';
import { createHazard, enroll, seriousViolations, waitForServiceWorker } from './helpers/app';
import { demoCompoundCentre } from '../../src/server/seed/compounds';

const product = useProduct();
const AFTER_PHOTO = photoFixturePath('small-1200x900.jpg');
const FIRE = { category: 'Fire safety', severity: 'Urgent', description: 'Fire exit of building 5 blocked by a sofa' } as const;
const WIRING = { category: 'Electrical', severity: 'High', description: 'Loose cable over the bike shed' } as const;
const centre = demoCompoundCentre('c01');
/** One metre north, in degrees of latitude. */
const METRE = 1 / 111_195;

async function synced(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByRole('status').getByText('All synced').waitFor({ timeout: 15_000 });
}

async function openHazard(page: Page, description: string): Promise<void> {
  await page.getByRole('link', { name: new RegExp(description) }).click();
  await page.getByRole('heading', { name: 'History' }).waitFor();
}

async function backHome(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'New hazard' }).waitFor();
}

describe('assign → resolve with an after photo → the reporter sees it', () => {
  it('walks a hazard through its lifecycle across three phones', async () => {
    const geolocation = { latitude: centre.lat, longitude: centre.lng, accuracy: 5 };
    const reporter = await newPhone(product.browser, { geolocation });
    const member = await reporter.newPage();
    await enroll(member, product.server.url, 'DEMO-A-03');
    await waitForServiceWorker(member);
    await createHazard(member, FIRE);
    await createHazard(member, WIRING);
    await member.getByRole('status').getByText('All synced').waitFor({ timeout: 15_000 });

    // The lead assigns the fire exit to the compound's company and resolves it with a photo.
    const leadPhone = await newPhone(product.browser);
    const lead = await leadPhone.newPage();
    await enroll(lead, product.server.url, 'DEMO-A-LEAD');
    await lead.getByText(FIRE.description, { exact: true }).waitFor({ timeout: 15_000 });
    await openHazard(lead, FIRE.description);
    expect(await seriousViolations(lead)).toEqual([]);
    await lead.getByRole('button', { name: 'Assign', exact: true }).click();
    const company = lead.getByLabel('Property company');
    expect(await company.locator('option:checked').textContent()).toContain('(the compound’s)');
    await lead.getByRole('button', { name: 'Save' }).click();
    await lead.getByText('Status: Assigned').waitFor();
    await lead.getByRole('button', { name: 'Resolve', exact: true }).click();
    await lead.getByRole('button', { name: 'Save' }).click();
    await lead.getByRole('alert').getByText('Say what was done.').waitFor();
    await lead.getByLabel('What was done').fill('Sofa removed by the property company, exit clear');
    await lead.getByLabel('Add photo').setInputFiles(AFTER_PHOTO);
    await lead.getByRole('img', { name: 'Photo 1' }).waitFor();
    await lead.getByRole('button', { name: 'Save' }).click();
    await lead.getByText('Status: Resolved').waitFor();
    expect(await seriousViolations(lead)).toEqual([]);
    await backHome(lead);
    await lead.getByRole('status').getByText('All synced').waitFor({ timeout: 15_000 });

    const events = product.server.query<{ type: string; author_id: string; status: string }>(
      'SELECT type, author_id, status FROM hazard_events ORDER BY seq',
    );
    expect(events).toEqual([
      { type: 'assign', author_id: 'm-a-lead', status: 'assigned' },
      { type: 'resolve', author_id: 'm-a-lead', status: 'resolved' },
    ]);

    // The reporter's phone shows it resolved, with the whole history.
    await synced(member);
    await openHazard(member, FIRE.description);
    await member.getByText('Status: Resolved').waitFor();
    const history = member.getByRole('region', { name: 'History' });
    const items = history.locator('.history__list > li');
    await expect.poll(() => items.count()).toBe(3);
    expect(await items.nth(0).textContent()).toMatch(/Reported.*Member/);
    expect(await items.nth(1).textContent()).toMatch(/Assigned to Jinjiang Huating Property Management.*王建国 · Team lead/);
    expect(await items.nth(2).textContent()).toMatch(/Resolved.*王建国 · Team lead.*Sofa removed/);
    // The reporter may not act on it any more; only "also seen" remains.
    expect(await member.getByRole('button', { name: 'Reopen' }).count()).toBe(0);
    await member.getByRole('button', { name: 'Also seen' }).waitFor();
    expect(await seriousViolations(member)).toEqual([]);

    // A second member, 10 m north, starts logging the same wiring problem.
    const tenNorth = { latitude: centre.lat + 10 * METRE, longitude: centre.lng, accuracy: 5 };
    const secondPhone = await newPhone(product.browser, { geolocation: tenNorth });
    const second = await secondPhone.newPage();
    await enroll(second, product.server.url, 'DEMO-A-04');
    await second.getByText(WIRING.description, { exact: true }).waitFor({ timeout: 15_000 });
    await second.getByRole('button', { name: 'New hazard' }).click();
    await second.getByLabel('Category').selectOption({ label: WIRING.category });
    const hints = second.getByRole('region', { name: 'Possibly the same as:' });
    await hints.waitFor();
    expect(await hints.textContent()).toMatch(/Electrical, 1\d m away/);
    // The resolved fire exit is not offered, even when its category is picked.
    await second.getByLabel('Category').selectOption({ label: FIRE.category });
    await expect.poll(() => hints.count()).toBe(0);
    await second.getByLabel('Category').selectOption({ label: WIRING.category });
    await hints.getByRole('button', { name: `Open: ${WIRING.description}` }).click();
    await second.getByRole('heading', { name: 'History' }).waitFor();
    await second.getByRole('button', { name: 'Also seen' }).click();
    await second.getByLabel('What you saw (optional)').fill('Still hanging low this evening');
    await second.getByRole('button', { name: 'Save' }).click();
    await second.getByRole('region', { name: 'History' }).getByText('Waiting to sync').waitFor();
    await second.getByRole('region', { name: 'History' }).getByText('Waiting to sync').waitFor({ state: 'detached', timeout: 15_000 });
    const notes = product.server.query<{ author_id: string; data: string }>("SELECT author_id, data FROM hazard_events WHERE type = 'note'");
    expect(notes).toEqual([{ author_id: 'm-a-04', data: JSON.stringify({ text: 'Still hanging low this evening', photoIds: [] }) }]);
    expect(product.server.query('SELECT id FROM hazards')).toHaveLength(2);

    await secondPhone.close();
    await leadPhone.close();
    await reporter.close();
  });

  it('shows a change refused as stale on its author’s phone, in words, until dismissed', async () => {
    const reporter = await newPhone(product.browser);
    const member = await reporter.newPage();
    await enroll(member, product.server.url, 'DEMO-A-05');
    const leak = { category: 'Water & drainage', severity: 'Medium', description: 'Leaking pipe under stairwell 2' } as const;
    const edited = `${leak.description}, dripping on the meter box`;
    await createHazard(member, leak);
    // The reporter corrects it while it is open: only the fields changed travel.
    await openHazard(member, leak.description);
    await member.getByRole('button', { name: 'Edit' }).click();
    await member.getByRole('radiogroup', { name: 'Severity' }).getByLabel('High').check();
    await member.getByLabel('Description').fill(edited);
    await member.getByRole('button', { name: 'Save' }).click();
    await member.getByText('Status: Open').waitFor();
    await backHome(member);
    await member.getByRole('status').getByText('All synced').waitFor({ timeout: 15_000 });
    expect(product.server.query('SELECT severity, description FROM hazards WHERE description LIKE ?', 'Leaking pipe%')).toEqual([
      { severity: 'high', description: edited },
    ]);

    const leadPhone = await newPhone(product.browser);
    const lead = await leadPhone.newPage();
    await enroll(lead, product.server.url, 'DEMO-A-LEAD');
    await waitForServiceWorker(lead);
    await lead.getByText(edited, { exact: true }).waitFor({ timeout: 15_000 });
    const officePhone = await newPhone(product.browser);
    const office = await officePhone.newPage();
    await enroll(office, product.server.url, 'DEMO-ADMIN');
    await office.getByText(edited, { exact: true }).waitFor({ timeout: 15_000 });

    // The lead, offline, marks it "not a hazard"; meanwhile the office does the same online.
    await leadPhone.setOffline(true);
    await openHazard(lead, leak.description);
    await lead.getByRole('button', { name: 'Reject' }).click();
    await lead.getByLabel('Reason').fill('Condensation, not a leak');
    await lead.getByRole('button', { name: 'Save' }).click();
    await lead.getByText('Status: Not a hazard').waitFor();
    await lead.getByRole('region', { name: 'History' }).getByText('Waiting to sync').waitFor();

    await openHazard(office, leak.description);
    await office.getByRole('button', { name: 'Reject' }).click();
    await office.getByLabel('Reason').fill('Fixed before we arrived');
    await office.getByRole('button', { name: 'Save' }).click();
    await backHome(office);
    await office.getByRole('status').getByText('All synced').waitFor({ timeout: 15_000 });

    // Back online: the lead's change arrives second and is refused, and says so on the record.
    await leadPhone.setOffline(false);
    await backHome(lead);
    await synced(lead);
    await lead.getByText('Refused: someone changed this hazard first').waitFor();
    await openHazard(lead, leak.description);
    const refused = lead.getByRole('region', { name: 'History' }).getByRole('alert');
    expect(await refused.textContent()).toContain('Refused: someone changed this hazard first. This change was not applied.');
    await lead.getByText('Status: Not a hazard').waitFor();
    expect(await seriousViolations(lead)).toEqual([]);
    await refused.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => refused.count()).toBe(0);
    expect(await lead.getByRole('region', { name: 'History' }).getByText('Condensation, not a leak').count()).toBe(0);
    await lead.getByRole('region', { name: 'History' }).getByText('Fixed before we arrived').waitFor();
    expect(product.server.query("SELECT data FROM hazard_events WHERE type = 'reject'")).toEqual([{ data: JSON.stringify({ reason: 'Fixed before we arrived' }) }]);

    await officePhone.close();
    await leadPhone.close();
    await reporter.close();
  });
});
