// What a person does in the app, as steps the E2E tests share.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import axe from 'axe-core';

export async function enroll(page: Page, baseUrl: string, code: string): Promise<void> {
  await page.goto(`${baseUrl}/?lang=en`);
  await page.getByLabel('Enrollment code').fill(code);
  await page.getByRole('button', { name: 'Enroll' }).click();
  await page.getByRole('button', { name: 'New hazard' }).waitFor();
}

/** `ready` can resolve while the worker is still activating, so wait for `activated` and control. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active!;
    if (worker.state !== 'activated') {
      await new Promise<void>((resolve) =>
        worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()),
      );
    }
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

export interface HazardInput {
  category: string;
  severity: 'Low' | 'Medium' | 'High' | 'Urgent';
  description: string;
}

export async function createHazard(page: Page, input: HazardInput): Promise<void> {
  await page.getByRole('button', { name: 'New hazard' }).click();
  await page.getByLabel('Category').selectOption({ label: input.category });
  await page.getByRole('radiogroup', { name: 'Severity' }).getByLabel(input.severity).check();
  await page.getByLabel('Description').fill(input.description);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('button', { name: 'New hazard' }).waitFor();
  await expect.poll(() => page.getByText(input.description, { exact: true }).count()).toBe(1);
}

/** axe-core on the current page; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through DevTools, not as an inline <script>, so the app's CSP stays in force.
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run());
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
