// The (B) scenarios in Chromium with the built PWA and its real service worker, against the
// endpoint run as `npm start` runs it: a tab closed mid-sync (#4), a captive portal (#7) and
// the IndexedDB connection closed under the app (#9).
import { afterAll, describe, expect, it } from 'vitest';
import { useProduct } from '../e2e/helpers/product';
import { createHazard } from '../e2e/helpers/app';
import { enrolledPhone, waitForIdleSync } from '../bench/browser/phone';
import { enrolledMember } from '../bench/browser/seedOutbox';
import { outboxCount, seedWaiting, until } from './helpers/browserPhone';
import { expectExactlyOnce, storedDescriptions } from './helpers/verify';
import { freshDatabaseUrl } from '../server/helpers/backend';
import { printTable, record } from './helpers/scoreboard';
import { MAX_MUTATIONS_PER_PUSH } from '../../src/shared/protocol/limits';

const N_BROWSER = 600;

const product = useProduct({ databaseUrl: freshDatabaseUrl });
afterAll(printTable);

const storedWith = async (label: string) => [...(await storedDescriptions(product.server, label)).values()].reduce((sum, n) => sum + n, 0);

describe('in the product.browser, with the service worker', () => {
  it('#4: the tab is closed mid-sync, then reopened', async () => {
    const { context, page } = await enrolledPhone(product.browser, product.server.url, 'DEMO-A-09');
    const member = await enrolledMember(page);
    // More than one batch, so the tab closes with one batch acked and the next committed.
    const n = MAX_MUTATIONS_PER_PUSH + N_BROWSER;
    const seeded = await seedWaiting(page, '#4', n);
    // The second batch reaches the server and is committed; the tab closes before the answer.
    let pushes = 0;
    await context.route('**/api/v1/sync/push', async (route) => {
      if (++pushes !== 2) return route.continue();
      await route.fetch();
      await page.close();
    });
    const started = new Date();
    await page.reload({ waitUntil: 'commit' });
    await until('tab closed during the second push', () => page.isClosed());
    expect(await storedWith('#4')).toBe(n);

    await context.unroute('**/api/v1/sync/push');
    const reopened = await context.newPage();
    await reopened.goto(`${product.server.url}/?lang=en`);
    await waitForIdleSync(reopened, 60_000);
    const convergeMs = Date.now() - started.getTime();
    expect(await outboxCount(reopened)).toBe(0);
    const tally = await expectExactlyOnce({
      serverUrl: product.server.url, dataDir: product.server.dataDir, databaseUrl: product.server.databaseUrl, drafts: seeded.drafts, scope: '#4',
      reporter: () => member, receivedBetween: [started, new Date()],
    });
    record({ scenario: '#4 (B)', ...tally, convergeMs, note: `tab closed after batch 2 committed, unanswered; reopened; ${pushes} pushes seen before` });
    await context.close();
  });

  it('#7: a captive portal answers 200 text/html for a while; nothing is acked or lost', async () => {
    const { context, page } = await enrolledPhone(product.browser, product.server.url, 'DEMO-A-10');
    const member = await enrolledMember(page);
    let portalAnswers = 0;
    await context.route('**/api/v1/**', (route) => {
      portalAnswers++;
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<html>login</html>' });
    });
    const seeded = await seedWaiting(page, '#7B', N_BROWSER);
    const started = new Date();
    await page.reload();
    await page.getByRole('alert').waitFor();
    // Two attempts behind the portal: on start and on Sync now.
    await page.getByRole('button', { name: 'Sync now' }).click();
    await until('two portal answers', () => portalAnswers >= 2);
    await page.getByRole('button', { name: 'Sync now', disabled: false }).waitFor();
    expect(await outboxCount(page)).toBe(N_BROWSER);
    expect(await storedWith('#7B')).toBe(0);
    await expect(page.getByRole('status').textContent()).resolves.toContain(`${N_BROWSER} waiting`);

    await context.unroute('**/api/v1/**');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await waitForIdleSync(page, 60_000);
    const convergeMs = Date.now() - started.getTime();
    expect(await outboxCount(page)).toBe(0);
    const tally = await expectExactlyOnce({
      serverUrl: product.server.url, dataDir: product.server.dataDir, databaseUrl: product.server.databaseUrl, drafts: seeded.drafts, scope: '#7B',
      reporter: () => member, receivedBetween: [started, new Date()],
    });
    record({ scenario: '#7 (B)', ...tally, convergeMs, note: `${portalAnswers} portal answers, nothing acked; then Sync now` });
    await context.close();
  });

  it('#9: the IndexedDB connection is closed under the app; it reopens and continues', async () => {
    const { context, page } = await enrolledPhone(product.browser, product.server.url, 'DEMO-A-11');
    // Keep a handle on every connection the page opens, so the test can close them as iOS does.
    await context.addInitScript(() => {
      const connections: IDBDatabase[] = [];
      (window as unknown as { __idb: IDBDatabase[] }).__idb = connections;
      const open = IDBFactory.prototype.open;
      IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
        const request = open.apply(this, args);
        request.addEventListener('success', () => connections.push(request.result));
        return request;
      };
    });
    await page.reload();
    await waitForIdleSync(page);
    const member = await enrolledMember(page);
    const seeded = await seedWaiting(page, '#9', N_BROWSER);
    const started = new Date();

    // Two ways a connection goes: silently (WebKit's "connection to Indexed Database server
    // lost", later transactions just fail) and with a `close` event (the spec's forced close).
    const closeAll = (withEvent: boolean) =>
      page.evaluate((withEvent) => {
        const connections = (window as unknown as { __idb: IDBDatabase[] }).__idb;
        const open = connections.splice(0);
        for (const connection of open) {
          connection.close();
          if (withEvent) connection.dispatchEvent(new Event('close'));
        }
        return open.length;
      }, withEvent);
    const closed = [await closeAll(false)];
    expect(closed[0]).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Sync now' }).click();
    await waitForIdleSync(page, 60_000);
    expect(await outboxCount(page)).toBe(0);
    closed.push(await closeAll(true));
    expect(closed[1]).toBeGreaterThan(0);
    // A save through the form, its live list and its sync all work on the reopened connection.
    await createHazard(page, { category: 'Fire safety', severity: 'High', description: '#9 saved after the connection closed' });
    await waitForIdleSync(page, 60_000);
    const convergeMs = Date.now() - started.getTime();
    expect(await outboxCount(page)).toBe(0);
    expect(await storedWith('#9 saved after')).toBe(1);
    const tally = await expectExactlyOnce({
      serverUrl: product.server.url, dataDir: product.server.dataDir, databaseUrl: product.server.databaseUrl, drafts: seeded.drafts, scope: '#9 Bench',
      reporter: () => member, receivedBetween: [started, new Date()],
    });
    record({ scenario: '#9 (B)', ...tally, convergeMs, note: `${closed[0]} connections closed silently, then sync; ${closed[1]} closed with an event, then a form save and sync` });
    await context.close();
  });
});
