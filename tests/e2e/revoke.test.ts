// A lost phone cut off in one action: the office adds a member and makes a code, a phone enrolls with it and logs
// a hazard offline, the office revokes the device, the phone says so and keeps its hazard, then
// enrolls again with a new code and the hazard reaches the endpoint exactly once.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useProduct } from './helpers/product';
import { newPhone } from './helpers/browser';
import { createHazard, enroll, seriousViolations } from './helpers/app';

const product = useProduct();
const DESCRIPTION = 'Loose cover on the drain by gate 2';

async function newCode(admin: Page, member: string): Promise<string> {
  const select = admin.getByRole('combobox', { name: /^Member/ });
  // A member just added arrives in this list with the next pull.
  await expect.poll(() => select.locator('option', { hasText: member }).count(), { timeout: 15_000 }).toBe(1);
  await select.selectOption({ label: member });
  await admin.getByRole('button', { name: 'Create enrollment code' }).click();
  const code = admin.locator('.qr-card code');
  await expect.poll(() => code.textContent()).toMatch(/\S{6,}/);
  return (await code.textContent())!.trim();
}

describe('device revocation', () => {
  it('revokes a phone, keeps its data, and re-enrolls without duplicates', async () => {
    const office = await newPhone(product.browser);
    const admin = await office.newPage();
    await enroll(admin, product.server.url, 'DEMO-ADMIN');
    await admin.getByRole('button', { name: 'Admin' }).click();
    await admin.getByRole('region', { name: 'Devices' }).waitFor();
    expect(await seriousViolations(admin)).toEqual([]);
    await admin.getByLabel('Name', { exact: true }).fill('新队员 马丽');
    await admin.getByRole('combobox', { name: /^Team/ }).selectOption({ label: 'Team A' });
    await admin.getByRole('button', { name: 'Add member' }).click();
    await admin.getByRole('button', { name: 'Edit 新队员 马丽' }).click();
    const member = '马丽';
    await admin.getByLabel('Name', { exact: true }).fill(member);
    await admin.getByRole('button', { name: 'Save member' }).click();
    await admin.getByRole('region', { name: 'Members' }).getByText(member, { exact: true }).waitFor();
    const firstCode = await newCode(admin, member);

    const phone = await newPhone(product.browser);
    const page = await phone.newPage();
    await enroll(page, product.server.url, firstCode);
    await page.getByRole('status').getByText('All synced').waitFor();
    await phone.setOffline(true);
    await createHazard(page, { category: 'Water & drainage', severity: 'High', description: DESCRIPTION });

    await admin.reload();
    await admin.getByRole('button', { name: `Revoke the device of ${member}` }).click();
    await admin.getByText('Revoked').waitFor();
    // Each device shows the app version it enrolled with.
    await admin.getByRole('region', { name: 'Devices' }).getByText(/ · v0\.1\.0 · /).first().waitFor();

    await phone.setOffline(false);
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByRole('alert').filter({ hasText: 'no longer enrolled' }).waitFor();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('1 waiting');
    await page.getByText(DESCRIPTION, { exact: true }).waitFor();

    const secondCode = await newCode(admin, member);
    await page.getByRole('button', { name: 'Enroll again' }).click();
    await page.getByLabel('Enrollment code').fill(secondCode);
    await page.getByRole('button', { name: 'Enroll' }).click();
    await page.getByRole('status').getByText('All synced').waitFor({ timeout: 15_000 });

    const rows = product.server.query<{ n: number }>('SELECT count(*) AS n FROM hazards WHERE description = ?', DESCRIPTION);
    expect(rows[0]!.n).toBe(1);
    const audit = admin.getByRole('region', { name: 'Audit log' });
    await admin.reload();
    for (const action of ['member.add', 'member.edit', 'code.create', 'device.revoke']) await audit.getByText(action).first().waitFor();
    await office.close();
    await phone.close();
  });
});
