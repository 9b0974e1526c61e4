// The app page an installed phone starts from (src/sw/appShell.ts): the precached page, with the
// endpoint's fresh headers only when the endpoint answers quickly with that same page. A captive
// portal's own 200 HTML or redirect never replaces the app, and an endpoint that never answers
// holds the start for at most SHELL_NETWORK_TIMEOUT_MS.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useProduct } from './helpers/product';
import { newPhone } from './helpers/browser';
import { enroll, waitForServiceWorker } from './helpers/app';
import { SHELL_NETWORK_TIMEOUT_MS } from '../../src/sw/shellTimeout';

const product = useProduct();

async function installedPhone(code: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newPhone(product.browser);
  const page = await context.newPage();
  await enroll(page, product.server.url, code);
  await waitForServiceWorker(page);
  return { context, page };
}

/** The Content-Security-Policy of the precached page, as the next start would serve it. */
function storedPagePolicy(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      const key = (await cache.keys()).find((r) => new URL(r.url).pathname === '/index.html');
      if (key) return (await cache.match(key))!.headers.get('Content-Security-Policy');
    }
    return null;
  });
}

const sameOrigin = (url: URL) => url.origin === product.server.url;

describe('the app page on an installed phone', () => {
  it.each([
    ['its own 200 HTML', { status: 200, contentType: 'text/html', body: '<html><body>Portal login</body></html>' }],
    ['a redirect', { status: 302, headers: { location: 'http://portal.example/login' } }],
  ])('a captive portal answering with %s never replaces the app or its policy', async (_, answer) => {
    const { context, page } = await installedPhone('DEMO-A-03');
    const policy = await storedPagePolicy(page);
    expect(policy).toContain("default-src 'self'");
    let portalAnswers = 0;
    await context.route(sameOrigin, (route) => {
      portalAnswers++;
      return route.fulfill(answer);
    });
    await page.goto(`${product.server.url}/`);
    await page.getByRole('button', { name: 'New hazard' }).waitFor();
    expect(portalAnswers).toBeGreaterThan(0);
    expect(await page.getByText('Portal login').count()).toBe(0);
    expect(await storedPagePolicy(page)).toBe(policy);
    await context.close();
  });

  it('an endpoint that never answers holds the start for the timeout only', async () => {
    const { context, page } = await installedPhone('DEMO-A-04');
    let asked = 0;
    // Lie-fi: the request is taken and never answered.
    await context.route((url) => sameOrigin(url) && url.pathname === '/index.html', () => void asked++);
    await page.goto(`${product.server.url}/`);
    await page.getByRole('button', { name: 'New hazard' }).waitFor();
    expect(asked).toBeGreaterThan(0);
    // How long the worker took to answer the navigation: the timeout, not the network's silence.
    const answeredMs = await page.evaluate(() => {
      const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      return nav!.responseStart - nav!.fetchStart;
    });
    expect(answeredMs).toBeGreaterThanOrEqual(SHELL_NETWORK_TIMEOUT_MS - 50);
    expect(answeredMs).toBeLessThan(SHELL_NETWORK_TIMEOUT_MS + 4000);
    await context.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
  });
});
