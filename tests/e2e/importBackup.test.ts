// Import backup on a second phone with a damaged file: the damaged rows are named in words
// (table, row, id, field), everything else is imported and syncs as usual.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useProduct } from './helpers/product';
import { newPhone } from './helpers/browser';
import { createHazard, enroll, seriousViolations, waitForServiceWorker } from './helpers/app';

const product = useProduct();
const SHOTS = process.env.REFUSED_SHOTS_DIR;

describe('import backup', () => {
  it('names the damaged rows and imports the rest', async () => {
    const phone = await newPhone(product.browser);
    const page = await phone.newPage();
    await enroll(page, product.server.url, 'DEMO-A-04');
    // Offline, the form's and Settings' chunks come from the service worker's precache.
    await waitForServiceWorker(page);
    await phone.setOffline(true);
    const kept = 'Loose manhole cover by building 2';
    const lost = 'Dead street lamp at the north gate';
    await createHazard(page, { category: 'Fire safety', severity: 'Low', description: kept });
    await createHazard(page, { category: 'Fire safety', severity: 'Low', description: lost });
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect.poll(() => page.getByTestId('storage-unsynced').textContent()).toBe('Not yet synced: 2 records, 0 photos.');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export backup' }).click()]);
    const path = join(product.server.dataDir, '..', `damaged-${download.suggestedFilename()}`);
    await download.saveAs(path);
    const file = JSON.parse(readFileSync(path, 'utf8'));
    const keptHazard = file.hazards.find((h: { description: string }) => h.description === kept);
    const lostRow = file.outbox.findIndex((r: { mutation: { data: { description?: string } } }) => r.mutation.data.description === lost);
    keptHazard.severity = 'extreme';
    file.outbox[lostRow].mutation.data.severity = 'extreme';
    writeFileSync(path, JSON.stringify(file));
    await phone.close();

    const spare = await newPhone(product.browser);
    const sparePage = await spare.newPage();
    await enroll(sparePage, product.server.url, 'DEMO-A-04');
    await sparePage.getByRole('button', { name: 'Settings' }).click();
    await sparePage.getByLabel('Import backup').setInputFiles(path);
    const report = sparePage.getByRole('status').filter({ hasText: 'Backup imported' });
    await report.waitFor();
    const text = (await report.textContent()) ?? '';
    expect(text).toContain('Backup imported: 1 records and 0 photos added');
    expect(text).toContain('2 damaged rows were not imported');
    expect(text).toContain(`Waiting change no. ${lostRow + 1} (…${file.outbox[lostRow].id.slice(-8)}): mutation.data.severity: Invalid input`);
    expect(text).toContain(`Hazard no. ${file.hazards.indexOf(keptHazard) + 1} (…${keptHazard.id.slice(-8)}): severity: Invalid input`);
    expect(await seriousViolations(sparePage)).toEqual([]);
    if (SHOTS) {
      await sparePage.setViewportSize({ width: 360, height: 640 });
      await report.scrollIntoViewIfNeeded();
      await sparePage.screenshot({ path: `${SHOTS}/import-en.png` });
      await sparePage.goto(`${product.server.url}/?lang=zh#/settings`);
      await sparePage.getByLabel('导入备份').setInputFiles(path);
      const zh = sparePage.getByRole('status').filter({ hasText: '备份已导入' });
      await zh.waitFor();
      await zh.scrollIntoViewIfNeeded();
      await sparePage.screenshot({ path: `${SHOTS}/import-zh.png` });
      await sparePage.goto(`${product.server.url}/?lang=en#/settings`);
    }

    // The valid mutation syncs: the kept hazard reaches the endpoint, the damaged one does not.
    await sparePage.getByRole('button', { name: 'Back', exact: true }).click();
    await sparePage.getByRole('status').getByText('All synced').waitFor({ timeout: 30_000 });
    expect(product.server.query('SELECT severity FROM hazards WHERE description = ?', kept)).toEqual([{ severity: 'low' }]);
    expect(product.server.query('SELECT id FROM hazards WHERE description = ?', lost)).toEqual([]);
    await spare.close();
  });
});
