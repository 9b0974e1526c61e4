// Save latency: hazards logged through the form, as a member does. The form records the
// 'hazard-save' measure from tapping Save to the committed transaction (hazard + outbox row).
import type { Page } from 'playwright-core';
import { STANDARD_CATEGORIES } from '../../../src/shared/domain/categories';
import { absent, measured, type Figure } from '../lib/figure';

const WARMUPS = 2;
const RUNS = 50;
const SEVERITIES = ['Low', 'Medium', 'High', 'Urgent'] as const;
export const SAVE_P95_MS = 30;

const base = {
  id: 'saveLatency',
  name: 'save latency (tap Save → commit)',
  unit: 'ms' as const,
  budget: { op: '<=' as const, limit: SAVE_P95_MS, on: 'p95' as const },
};

async function logHazard(page: Page, n: number): Promise<void> {
  const category = STANDARD_CATEGORIES[n % STANDARD_CATEGORIES.length]!;
  await page.getByRole('button', { name: 'New hazard' }).click();
  await page.getByLabel('Category').selectOption({ label: category.name.en });
  await page.getByRole('radiogroup', { name: 'Severity' }).getByLabel(SEVERITIES[n % SEVERITIES.length]!).check();
  await page.getByLabel('Description').fill(`Bench save ${n}: loose handrail on stair ${n % 7}`);
  // Exact: the form's duplicate hints hold buttons like "Open: <description>".
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('button', { name: 'New hazard' }).waitFor();
}

export async function measureSaveLatency(page: Page): Promise<Figure> {
  await page.evaluate(() => performance.clearMeasures('hazard-save'));
  for (let n = 0; n < WARMUPS + RUNS; n++) await logHazard(page, n);
  const durations = await page.evaluate(() => performance.getEntriesByName('hazard-save').map((e) => e.duration));
  if (durations.length === 0) return absent(base, "the form records no 'hazard-save' measure");
  if (durations.length !== WARMUPS + RUNS) {
    throw new Error(`expected ${WARMUPS + RUNS} 'hazard-save' measures, found ${durations.length}`);
  }
  return measured(base, durations.slice(WARMUPS));
}
