// A record the endpoint refuses is named on the home screen with why and what to do, and leaves
// only on the member's Dismiss and confirm. The refusal is real: a hazard whose stored mutation
// was spoiled on the phone (as an old backup might be) is pushed to the real endpoint.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useProduct } from './helpers/product';
import { newPhone } from './helpers/browser';
import { createHazard, enroll, seriousViolations, waitForServiceWorker } from './helpers/app';

const product = useProduct();
const SHOTS = process.env.REFUSED_SHOTS_DIR;

/** Spoils every waiting mutation's severity in IndexedDB, as a backup from a future app might hold it. */
function spoilOutbox(page: Page) {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('patrol-log');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('queue', 'readwrite');
          const store = tx.objectStore('queue');
          store.openCursor().onsuccess = (e) => {
            const cursor = (e.target as IDBRequest<IDBCursorWithValue | null>).result;
            if (!cursor) return;
            const row = cursor.value;
            row.mutation.data.severity = 'catastrophic';
            cursor.update(row);
            cursor.continue();
          };
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

describe('refused records', () => {
  it('are listed with why and what to do, and leave only on Dismiss and confirm', async () => {
    const context = await newPhone(product.browser);
    const page = await context.newPage();
    await enroll(page, product.server.url, 'DEMO-A-03');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('All synced');
    // Offline, the form's chunk comes from the service worker's precache.
    await waitForServiceWorker(page);
    await context.setOffline(true);
    const description = 'Broken handrail on the stairs of building 7';
    await createHazard(page, { category: 'Fire safety', severity: 'High', description });
    await spoilOutbox(page);
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Sync now' }).click();

    const list = page.getByRole('region', { name: 'Refused records' });
    await list.waitFor();
    const item = list.getByRole('listitem');
    await expect.poll(() => item.textContent()).toContain(`Hazard “${description.slice(0, 40)}…”`);
    const text = (await item.textContent()) ?? '';
    expect(text).toContain('Why: the endpoint does not accept this record.');
    expect(text).toContain('Update the app');
    expect(text).toContain('Endpoint said: data.severity: Invalid option');
    expect(await page.getByRole('status').textContent()).toContain('All synced');
    expect(await seriousViolations(page)).toEqual([]);

    if (SHOTS) {
      await page.setViewportSize({ width: 360, height: 640 });
      await list.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/refused-en.png` });
      await page.goto(`${product.server.url}/?lang=zh`);
      const zhList = page.getByRole('region', { name: '被拒绝的记录' });
      await zhList.waitFor();
      await zhList.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/refused-zh.png` });
      await zhList.getByRole('button', { name: '移除' }).click();
      await page.screenshot({ path: `${SHOTS}/refused-zh-confirm.png` });
      await page.goto(`${product.server.url}/?lang=en`);
      await list.waitFor();
    }

    // Dismiss asks first; Keep keeps it.
    await item.getByRole('button', { name: 'Dismiss' }).click();
    expect(await item.textContent()).toContain('The record stays on this phone but is never sent.');
    expect(await seriousViolations(page)).toEqual([]);
    await item.getByRole('button', { name: 'Keep' }).click();
    await item.getByRole('button', { name: 'Dismiss' }).click();
    await item.getByRole('button', { name: 'Yes, dismiss' }).click();
    await list.waitFor({ state: 'detached' });
    // The hazard stays on the phone; the endpoint never stored it.
    expect(await page.getByText(description, { exact: true }).count()).toBe(1);
    expect(product.server.query('SELECT id FROM hazards WHERE description = ?', description)).toEqual([]);
    await context.close();
  });
});
