// A bench phone: an English, phone-sized context standing in compound c01, enrolled with a demo
// code and controlled by the service worker, with the probe installed. Every wait is bounded.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newPhone } from '../../e2e/helpers/browser';
import { waitForServiceWorker as waitForControllingWorker } from '../../e2e/helpers/app';
import { demoCompoundCentre } from '../../../src/server/seed/compounds';
import { within } from '../lib/bounded';
import { PROBE_SCRIPT } from './probe';

export const STEP_TIMEOUT_MS = 30_000;

export interface Phone {
  context: BrowserContext;
  page: Page;
}

export async function enrolledPhone(browser: Browser, baseUrl: string, code: string): Promise<Phone> {
  const centre = demoCompoundCentre('c01');
  const context = await newPhone(browser, { geolocation: { latitude: centre.lat, longitude: centre.lng, accuracy: 8 } });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
  await context.addInitScript({ content: PROBE_SCRIPT });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/?lang=en`);
  await page.getByLabel('Enrollment code').fill(code);
  await page.getByRole('button', { name: 'Enroll' }).click();
  await page.getByRole('button', { name: 'New hazard' }).waitFor();
  await waitForServiceWorker(page);
  await waitForIdleSync(page);
  return { context, page };
}

/** The E2E suite's wait for an activated, controlling worker, bounded so the bench never hangs. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await within(STEP_TIMEOUT_MS, 'service worker activation', waitForControllingWorker(page));
}

/** "All synced" and no sync running (Sync now is disabled while one runs). */
export async function waitForIdleSync(page: Page, timeout = STEP_TIMEOUT_MS): Promise<void> {
  await page.getByRole('status').getByText('All synced').waitFor({ timeout });
  await page.waitForFunction(
    () => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Sync now' && !b.disabled),
    null,
    { timeout, polling: 100 },
  );
}

/** Reloads and returns the probe's "New hazard enabled" time, in ms from navigation start. */
export async function reloadUntilNewHazard(page: Page): Promise<number> {
  await page.reload({ waitUntil: 'commit' });
  const handle = await page.waitForFunction(() => window.__bench?.newHazardAt ?? null, null, {
    timeout: STEP_TIMEOUT_MS,
    polling: 100,
  });
  return (await handle.jsonValue()) as number;
}
