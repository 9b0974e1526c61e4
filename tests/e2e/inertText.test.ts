// What members type is shown as text, never run as markup: a description holding an XSS payload
// shows literally in the list and fires nothing, on the phone that wrote it and on the lead's.
import { describe, expect, it } from 'vitest';
import { useProduct } from './helpers/product';
import type { Page } from 'playwright-core';
import { newPhone } from './helpers/browser';
import { createHazard, enroll } from './helpers/app';

const product = useProduct();

const PAYLOAD = '<img src=x onerror=alert(1)><script>alert(2)</script>';

function recordDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

describe('user text is inert', () => {
  it('an XSS payload in a description shows literally and runs nothing', async () => {
    const member = await newPhone(product.browser);
    const page = await member.newPage();
    const dialogs = recordDialogs(page);
    await enroll(page, product.server.url, 'DEMO-A-06');
    await createHazard(page, { category: 'Other', severity: 'Low', description: PAYLOAD });
    await page.getByRole('status').getByText('All synced').waitFor({ timeout: 15_000 });
    expect(await page.locator('.hazard-list img').count()).toBe(0);

    const lead = await newPhone(product.browser);
    const leadPage = await lead.newPage();
    const leadDialogs = recordDialogs(leadPage);
    await enroll(leadPage, product.server.url, 'DEMO-A-LEAD');
    await leadPage.getByText(PAYLOAD, { exact: true }).waitFor();
    expect(await leadPage.locator('.hazard-list img, .hazard-list script').count()).toBe(0);
    expect([...dialogs, ...leadDialogs]).toEqual([]);
    await member.close();
    await lead.close();
  });
});
