// Scenario 11 (B): a new service worker is published while 100 mutations wait; the member
// applies the update, and after it the 100 sync, each once. The Dexie half of the scenario (a
// schema upgrade with unsynced rows) is tests/app/dexieUpgrade.test.ts.
import { afterAll, describe, expect, it } from 'vitest';
import { useProduct, publishNewServiceWorker } from '../e2e/helpers/product';
import { enrolledPhone, waitForIdleSync } from '../bench/browser/phone';
import { enrolledMember } from '../bench/browser/seedOutbox';
import { outboxCount, seedWaiting } from './helpers/browserPhone';
import { expectExactlyOnce } from './helpers/verify';
import { freshDatabaseUrl } from '../server/helpers/backend';
import { printTable, record } from './helpers/scoreboard';

const WAITING = 100;

const product = useProduct({ privateBuild: true, databaseUrl: freshDatabaseUrl });
afterAll(printTable);

describe('app update with unsynced work', () => {
  it('#11: a new service worker while 100 mutations wait; they sync after the update', async () => {
    const { context, page } = await enrolledPhone(product.browser, product.server.url, 'DEMO-B-02');
    const member = await enrolledMember(page);
    // No endpoint while the update happens: the 100 stay waiting.
    await context.route('**/api/v1/sync/**', (route) => route.abort('internetdisconnected'));
    const seeded = await seedWaiting(page, '#11', WAITING);
    await page.reload();
    await expect.poll(() => page.getByRole('status').textContent()).toContain(`${WAITING} waiting`);

    publishNewServiceWorker(product.staticDir);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await page.getByText('Update available').waitFor();
    const started = new Date();
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
    await page.getByRole('button', { name: 'New hazard' }).waitFor();
    const worker = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return { waiting: !!registration?.waiting, controller: navigator.serviceWorker.controller?.state };
    });
    expect(worker).toEqual({ waiting: false, controller: 'activated' });
    expect(await outboxCount(page)).toBe(WAITING);

    await context.unroute('**/api/v1/sync/**');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await waitForIdleSync(page, 60_000);
    const convergeMs = Date.now() - started.getTime();
    expect(await outboxCount(page)).toBe(0);
    const tally = await expectExactlyOnce({
      serverUrl: product.server.url, dataDir: product.server.dataDir, databaseUrl: product.server.databaseUrl, drafts: seeded.drafts, scope: '#11',
      reporter: () => member, receivedBetween: [started, new Date()],
    });
    record({
      scenario: '#11 (B)',
      ...tally,
      convergeMs,
      note: 'new sw.js applied with 100 waiting, then synced; Dexie upgrade: see tests/app/dexieUpgrade.test.ts',
    });
    await context.close();
  });
});
