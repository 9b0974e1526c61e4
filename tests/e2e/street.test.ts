// A street as its people live it, on five phones: the street office creates a community with its
// first admin; that admin enrolls with the code shown, adds a member and hands them a code; the
// member logs a hazard; the admin assigns it to a company that also serves Jianxinglu; that
// company's staff see it beside a Jianxinglu hazard assigned to them; a Jianxinglu member sees
// none of the new community's hazards; and the street's dashboard counts it.
// STREET_SHOTS_DIR=test-results/street saves the street screens at 360×640 and 390×844, both languages.
import { mkdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useProduct } from './helpers/product';
import { newPhone } from './helpers/browser';
import { createHazard, enroll, seriousViolations } from './helpers/app';
import { demoCompoundCentre } from '../../src/server/seed/compounds';

const product = useProduct();
const SHOTS = process.env.STREET_SHOTS_DIR;
const PC1 = 'Jinjiang Huating Property Management';
const NEW_HAZARD = { category: 'Fire safety', severity: 'High', description: 'Gas bottles stored in the Xinhua stairwell' } as const;
const OLD_HAZARD = { category: 'Electrical', severity: 'Medium', description: 'Exposed wiring at the Jianxinglu gate' } as const;
const c01 = demoCompoundCentre('c01');

/** Enrolls a phone whose home has no New hazard (the street office, a company's staff). */
async function enrollAs(page: Page, code: string, ready: (page: Page) => Locator): Promise<void> {
  await page.goto(`${product.server.url}/?lang=en`);
  await page.getByLabel('Enrollment code').fill(code);
  await page.getByRole('button', { name: 'Enroll' }).click();
  await ready(page).waitFor({ timeout: 20_000 });
}

async function synced(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByRole('status').getByText('All synced').waitFor({ timeout: 15_000 });
}

async function assignTo(page: Page, description: string, company: string | null): Promise<void> {
  await page.getByText(description, { exact: true }).waitFor({ timeout: 15_000 });
  await page.getByRole('link', { name: new RegExp(description) }).click();
  await page.getByRole('heading', { name: 'History' }).waitFor();
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  if (company) await page.getByLabel('Property company').selectOption({ label: company });
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Status: Assigned').waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('status').getByText('All synced').waitFor({ timeout: 15_000 });
}

/** The figure under `label` in a dashboard card. */
const figure = (card: Locator, label: string) => card.locator('.figure', { has: card.page().getByText(label, { exact: true }) }).locator('dd');

/** A times row's cells (to assign, to resolve) in a dashboard card: "Median" or "P90". */
const times = (card: Locator, row: string) => card.getByRole('row', { name: new RegExp(`^${row}`) }).getByRole('cell');

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  for (const [width, height] of [[360, 640], [390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}x${height}.png`, fullPage: true });
    // And screen by screen, as a thumb meets it.
    const total = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, i = 1; y < total; y += height, i++) {
      await page.screenshot({ path: `${SHOTS}/${name}-${width}x${height}-${i}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(height, total - y) } });
    }
  }
  await page.setViewportSize({ width: 390, height: 844 });
}

describe('a street of communities', () => {
  it('creates a community, follows its hazard to a company shared with Jianxinglu, and counts it for the street', async () => {
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    // Jianxinglu: a member logs a hazard at compound c01, the lead assigns it to c01's company (pc1).
    const jianxingluPhone = await newPhone(product.browser, { geolocation: { latitude: c01.lat, longitude: c01.lng, accuracy: 5 } });
    const jianxinglu = await jianxingluPhone.newPage();
    await enroll(jianxinglu, product.server.url, 'DEMO-A-01');
    await jianxinglu.getByText('Jianxinglu Community', { exact: true }).waitFor();
    await createHazard(jianxinglu, OLD_HAZARD);
    await jianxinglu.getByRole('status').getByText('All synced').waitFor({ timeout: 15_000 });
    const leadPhone = await newPhone(product.browser);
    const lead = await leadPhone.newPage();
    await enroll(lead, product.server.url, 'DEMO-A-LEAD');
    await assignTo(lead, OLD_HAZARD.description, null);

    // (1) The street office creates Xinhua with its first admin, and is shown the admin's code.
    const streetPhone = await newPhone(product.browser);
    const street = await streetPhone.newPage();
    await enrollAs(street, 'DEMO-STREET', (p) => p.getByRole('button', { name: 'Street dashboard' }));
    expect(await street.getByRole('button', { name: 'New hazard' }).count()).toBe(0);
    await street.getByText('Tiaodenghe Street', { exact: true }).waitFor();
    await street.getByRole('button', { name: 'Street dashboard' }).click();
    await street.getByRole('heading', { name: 'By community' }).waitFor();
    expect(await seriousViolations(street)).toEqual([]);
    await street.getByRole('radio', { name: 'Communities' }).check();
    await street.getByRole('heading', { name: 'Communities of the street' }).waitFor();
    await street.getByText('建兴路社区', { exact: true }).waitFor();
    await street.getByLabel('Name in Chinese').fill('新华社区');
    await street.getByLabel('Name in English').fill('Xinhua');
    await street.getByLabel('Time zone (optional)').fill('Asia/Shangai');
    await street.getByText('Not a time zone this phone knows.', { exact: false }).waitFor();
    expect(await street.getByRole('button', { name: 'Create community' }).isDisabled()).toBe(true);
    await street.getByLabel('Time zone (optional)').fill('');
    await street.getByLabel('First admin’s name').fill('李梅');
    await street.getByRole('button', { name: 'Create community' }).click();
    await street.getByText('Xinhua is created. Give this code to 李梅', { exact: false }).waitFor();
    // The code takes the form's place, and focus goes to it.
    expect(await street.evaluate(() => document.activeElement?.textContent)).toBe('Xinhua');
    const adminCode = (await street.locator('.qr-card code').textContent())!;
    expect(adminCode).toMatch(/\S{6,}/);
    await street.getByRole('img', { name: `QR code that opens the app with code ${adminCode} filled in` }).waitFor();
    await street.getByText(/Single use, valid until/).waitFor();
    await street.getByText('新华社区', { exact: true }).waitFor();
    expect(await seriousViolations(street)).toEqual([]);
    await shoot(street, 'street-communities-en');
    await street.getByRole('button', { name: 'New community' }).click();
    expect(await street.getByLabel('Name in Chinese').inputValue()).toBe('');

    // (2) Xinhua's admin enrolls with that code, adds a member and gets their code.
    const adminPhone = await newPhone(product.browser);
    const admin = await adminPhone.newPage();
    await enroll(admin, product.server.url, adminCode);
    await admin.getByText('Xinhua', { exact: true }).waitFor();
    await admin.getByRole('button', { name: 'Admin', exact: true }).click();
    await admin.getByLabel('Name', { exact: true }).fill('赵磊');
    await admin.getByRole('button', { name: 'Add member' }).click();
    const codeFor = admin.getByRole('combobox', { name: /^Member/ });
    await codeFor.locator('option', { hasText: '赵磊' }).waitFor({ state: 'attached' });
    // The street's own people are on this phone too, but not on its roster.
    expect(await codeFor.locator('option', { hasText: '锦江华庭' }).count()).toBe(0);
    await codeFor.selectOption({ label: '赵磊' });
    await admin.getByRole('button', { name: 'Create enrollment code' }).click();
    const memberCode = (await admin.locator('.qr-card code').textContent())!;
    expect(memberCode).toMatch(/\S{6,}/);
    expect(await seriousViolations(admin)).toEqual([]);

    // (3) The member logs a hazard; Xinhua has no compounds, so it has none.
    const memberPhone = await newPhone(product.browser, { geolocation: { latitude: c01.lat + 0.02, longitude: c01.lng + 0.02, accuracy: 8 } });
    const member = await memberPhone.newPage();
    await enroll(member, product.server.url, memberCode);
    await member.getByText('Xinhua', { exact: true }).waitFor();
    await createHazard(member, NEW_HAZARD);
    await member.getByRole('status').getByText('All synced').waitFor({ timeout: 15_000 });
    expect(product.server.query('SELECT compound_id FROM hazards WHERE description = ?', NEW_HAZARD.description)).toEqual([{ compound_id: null }]);

    // (4) Xinhua's admin assigns it to pc1, which serves Jianxinglu too.
    await admin.getByRole('button', { name: 'Back' }).click();
    await synced(admin);
    await assignTo(admin, NEW_HAZARD.description, PC1);

    // (5) pc1's staff see both hazards assigned to their company, and are offered no hazard or round of their own.
    const staffPhone = await newPhone(product.browser);
    const staff = await staffPhone.newPage();
    await enrollAs(staff, 'DEMO-PC1-01', (p) => p.getByRole('heading', { name: `Hazards assigned to ${PC1}` }));
    await staff.getByText(NEW_HAZARD.description, { exact: true }).waitFor({ timeout: 15_000 });
    await staff.getByText(OLD_HAZARD.description, { exact: true }).waitFor();
    expect(await staff.getByRole('button', { name: 'New hazard' }).count()).toBe(0);
    expect(await staff.getByRole('button', { name: /round/i }).count()).toBe(0);
    await staff.getByText('Property company staff', { exact: false }).waitFor();
    // Not even by the address: the form would only make a record the endpoint refuses.
    await staff.evaluate(() => (location.hash = '#/new-hazard'));
    await staff.getByRole('heading', { name: `Hazards assigned to ${PC1}` }).waitFor();
    expect(await staff.getByLabel('Category').count()).toBe(0);
    expect(await seriousViolations(staff)).toEqual([]);
    await shoot(staff, 'staff-home-en');

    // (6) Jianxinglu's member sees none of Xinhua's hazards.
    await synced(jianxinglu);
    await jianxinglu.getByText(OLD_HAZARD.description, { exact: true }).waitFor();
    expect(await jianxinglu.getByText(NEW_HAZARD.description).count()).toBe(0);

    // (7) The street's dashboard counts it, this week: found 1 for Xinhua, pc1 assigned in two communities.
    await street.getByRole('radio', { name: 'Week' }).check();
    await street.getByRole('heading', { name: 'By community' }).waitFor();
    await street.getByRole('button', { name: 'Next week' }).click();
    await street.getByRole('heading', { name: /this week, so far/ }).waitFor();
    expect(await street.getByRole('button', { name: 'Next week' }).isDisabled()).toBe(true);
    const xinhua = street.locator('.figure-card', { has: street.getByRole('heading', { name: 'Xinhua', exact: true }) });
    await expect.poll(() => figure(xinhua, 'Found').textContent()).toBe('1');
    expect(await figure(xinhua, 'Open').textContent()).toBe('1');
    // Every time beside its count: median and p90 to assign (1 measured), nothing resolved yet.
    const measured = expect.stringMatching(/^\d+\.\d h \(n=1\)$/);
    expect(await times(xinhua, 'Median').allTextContents()).toEqual([measured, '– (n=0)']);
    expect(await times(xinhua, 'P90').allTextContents()).toEqual([measured, '– (n=0)']);
    const jx = street.locator('.figure-card', { has: street.getByRole('heading', { name: 'Jianxinglu Community', exact: true }) });
    expect(await figure(jx, 'Found').textContent()).toBe('1');
    const pc1 = street.locator('.figure-card', { has: street.getByRole('heading', { name: PC1, exact: true }) });
    expect(await figure(pc1, 'Communities').textContent()).toBe('2');
    expect(await figure(pc1, 'Assigned').textContent()).toBe('2');
    // A company with nothing this week is named in one line, not given a card of zeros.
    await street.getByText(/^Nothing assigned, open or resolved this week: .*Rongcheng Anju Property Services/).waitFor();
    expect(await seriousViolations(street)).toEqual([]);
    // Its report comes from the endpoint (the office's phone holds no community's rows).
    const week = (await street.getByRole('heading', { name: /this week, so far/ }).textContent())!.match(/\d{4}-W\d{2}/)![0];
    const [download] = await Promise.all([
      street.waitForEvent('download'),
      street.getByRole('button', { name: `Download report (CSV): Xinhua, ${week}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`hazards-${week}-Xinhua.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(NEW_HAZARD.description);
    expect(csv).not.toContain(OLD_HAZARD.description);
    await shoot(street, 'street-week-en');

    // Offline, the dashboard says so and what to do; Try again brings the week back.
    await streetPhone.setOffline(true);
    await street.getByRole('button', { name: 'Previous week' }).click();
    await street.getByRole('alert').getByText('No connection to the endpoint: the street office works online. Nothing was changed; try again when the phone has a signal.').waitFor();
    expect(await seriousViolations(street)).toEqual([]);
    await streetPhone.setOffline(false);
    await street.getByRole('button', { name: 'Try again' }).click();
    await street.getByRole('heading', { name: /^Week \d{4}-W\d{2}$/ }).waitFor();
    await expect.poll(() => street.getByRole('alert').count()).toBe(0);

    // A new property company for the street.
    await street.getByRole('radio', { name: 'Companies' }).check();
    await street.getByRole('heading', { name: 'Property companies of the street' }).waitFor();
    await street.getByText(PC1, { exact: true }).waitFor();
    await street.getByLabel('Name in Chinese').fill('蓝天物业');
    await street.getByLabel('Name in English').fill('Blue Sky Property');
    await street.getByRole('button', { name: 'Add company' }).click();
    await street.getByText('Blue Sky Property is added. Every phone of the street gets it at its next sync.').waitFor();
    await street.getByText('蓝天物业', { exact: true }).waitFor();
    expect(await seriousViolations(street)).toEqual([]);

    if (SHOTS) {
      await shoot(street, 'street-companies-en');
      // The same screens in Chinese (a reload with ?lang= keeps the session).
      await street.goto(`${product.server.url}/?lang=zh-CN#/admin`);
      await street.getByRole('heading', { name: '各社区' }).waitFor();
      await street.getByRole('button', { name: '下一周' }).click();
      await street.getByRole('heading', { name: /本周，截至目前/ }).waitFor();
      await shoot(street, 'street-week-zh');
      await street.getByRole('radio', { name: '社区' }).check();
      await street.getByLabel('中文名称').fill('双桥社区');
      await street.getByLabel('英文名称').fill('Shuangqiao');
      await street.getByLabel('首位管理员姓名').fill('陈静');
      await street.getByRole('button', { name: '创建社区' }).click();
      await street.locator('.qr-card code').waitFor();
      expect(await seriousViolations(street)).toEqual([]);
      await shoot(street, 'street-communities-zh');
      await street.getByRole('radio', { name: '物业公司' }).check();
      await street.getByText('锦江华庭物业管理有限公司', { exact: true }).waitFor();
      await shoot(street, 'street-companies-zh');
      await street.goto(`${product.server.url}/?lang=zh-CN#/`);
      await street.getByRole('button', { name: '街道工作台' }).waitFor();
      await shoot(street, 'street-home-zh');
      await staff.goto(`${product.server.url}/?lang=zh-CN#/`);
      await staff.getByRole('heading', { name: '派给锦江华庭物业管理有限公司的隐患' }).waitFor();
      await shoot(staff, 'staff-home-zh');
    }

    for (const phone of [staffPhone, memberPhone, adminPhone, streetPhone, leadPhone, jianxingluPhone]) await phone.close();
  }, 300_000);
});
