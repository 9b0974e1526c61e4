// The end of enrollment: the community's data is on the phone before New hazard opens. The
// community here has a category of its own (not in the standard list), and the first pull is
// slow, as on a weak signal: New hazard tapped at once must still offer exactly the server's
// categories. Offline, the member is told, may try again, or goes in with the standard list.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useProduct } from './helpers/product';
import { withStore } from './helpers/server';
import { newPhone } from './helpers/browser';
import { seriousViolations } from './helpers/app';
import { putCategory } from '../../src/server/store/reference';
import { STANDARD_CATEGORIES } from '../../src/shared/domain/categories';

const product = useProduct();
const OWN_CATEGORY = { id: 'balcony', name: { zh: '阳台堆物', en: 'Balcony clutter' }, sort: 11 };

beforeAll(() => withStore(product.server, (store) => store.sql.transaction((tx) => putCategory(tx, OWN_CATEGORY))));

/** The pull answers only after `ms`, or not at all (offline) when `ms` is null. */
async function slowPull(context: BrowserContext, ms: number | null): Promise<void> {
  await context.route('**/api/v1/sync/pull**', async (route) => {
    if (ms === null) return route.abort('internetdisconnected');
    await new Promise((resolve) => setTimeout(resolve, ms));
    return route.continue().catch(() => undefined);
  });
}

async function submitCode(page: Page, code: string): Promise<void> {
  await page.goto(`${product.server.url}/?lang=en`);
  await page.getByLabel('Enrollment code').fill(code);
  await page.getByRole('button', { name: 'Enroll' }).click();
}

/** The category options the form offers the moment it opens (read once: no waiting for a pull). */
async function categoriesOnOpen(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: 'New hazard' }).click();
  const select = page.getByLabel('Category');
  await select.waitFor();
  return select.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
}

const serverCategories = () => product.server.query<{ id: string }>('SELECT id FROM categories ORDER BY sort').map((r) => r.id);

describe('enrollment’s end', () => {
  it('loads the community’s data before New hazard: tapped at once, it offers the server’s categories', async () => {
    const context = await newPhone(product.browser);
    await slowPull(context, 1500);
    const page = await context.newPage();
    await submitCode(page, 'DEMO-A-06');
    await page.getByRole('status').getByText('Loading your community’s data…').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await categoriesOnOpen(page)).toEqual(serverCategories());
    expect(serverCategories()).toContain(OWN_CATEGORY.id);
    await context.close();
  });

  it('offline after the code: says so, offers Try again, and Continue goes in with the standard categories', async () => {
    const context = await newPhone(product.browser);
    await slowPull(context, null);
    const page = await context.newPage();
    await submitCode(page, 'DEMO-A-07');
    const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
    await alert.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Try again' }).click();
    await alert.waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    const offered = await categoriesOnOpen(page);
    // Never empty, and every id one the endpoint knows (it seeds the standard list everywhere).
    expect(offered).toEqual(STANDARD_CATEGORIES.map((c) => c.id));
    expect(serverCategories()).toEqual(expect.arrayContaining(offered));
    await context.close();
  });
});
