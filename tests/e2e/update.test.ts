// A new version of the app is announced, never forced: "Update available — Reload", refused while
// the hazard form holds unsaved input, and applied only on the member's tap.
import { describe, expect, it } from 'vitest';
import { useProduct, publishNewServiceWorker } from './helpers/product';
import { newPhone } from './helpers/browser';
import { enroll, waitForServiceWorker } from './helpers/app';

const product = useProduct({ privateBuild: true });

describe('app updates', () => {
  it('prompts, waits for the form, and reloads only on request', async () => {
    const context = await newPhone(product.browser);
    const page = await context.newPage();
    await enroll(page, product.server.url, 'DEMO-A-05');
    await waitForServiceWorker(page);
    const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);

    await page.getByRole('button', { name: 'New hazard' }).click();
    await page.getByLabel('Description').fill('Half-written: loose railing on the roof');

    publishNewServiceWorker(product.staticDir);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());

    const reload = page.getByRole('button', { name: 'Reload' });
    await page.getByText('Update available').waitFor();
    expect(await reload.isDisabled()).toBe(true);
    await page.getByText('Save or cancel the form first.').waitFor();
    // Nothing reloaded by itself: the typed text is still in the form.
    expect(await page.getByLabel('Description').inputValue()).toBe('Half-written: loose railing on the roof');

    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await reload.isEnabled()).toBe(true);
    await Promise.all([page.waitForEvent('load'), reload.click()]);
    await page.getByRole('button', { name: 'New hazard' }).waitFor();
    await expect(page.getByText('Update available').count()).resolves.toBe(0);
    const state = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return { waiting: !!registration?.waiting, controller: navigator.serviceWorker.controller?.state };
    });
    expect(state).toEqual({ waiting: false, controller: 'activated' });
    expect(firstWorker).toBeTruthy();
    await context.close();
  });
});
