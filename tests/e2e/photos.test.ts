// Photos as a member lives them: offline, "Add photo" with a 12 MP sideways-stored shot and a
// small one; the stored copies are upright, ≤ 1600 px, ≤ 350 KB and without EXIF; an unreadable
// file is named and left out while the hazard saves; back online the photos reach DATA_DIR/photos
// with matching SHA-256 before the hazard does, with progress shown; Settings shows storage, and a
// backup exported on one phone and imported on another syncs without duplicates.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useProduct } from './helpers/product';
import { newPhone } from './helpers/browser';
import { enroll, seriousViolations, waitForServiceWorker } from './helpers/app';
import { photoFixturePath } from '../fixtures/photos';

const product = useProduct();
const fixture = photoFixturePath;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface StoredPhoto {
  id: string;
  hazardId: string;
  size: number;
  width: number;
  height: number;
  sha: string;
  hasExif: boolean;
  uploaded: number;
  thumbSize: number;
}

/** The photos table as the app stored it, each Blob decoded and hashed in the page. */
function storedPhotos(page: Page): Promise<StoredPhoto[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('patrol-log');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const rows = await new Promise<{ id: string; hazardId: string; blob: Blob; thumb: Blob | null; uploaded: number }[]>((resolve, reject) => {
      const request = db.transaction('photos').objectStore('photos').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    const out = [];
    for (const row of rows) {
      const bytes = await row.blob.arrayBuffer();
      const bitmap = await createImageBitmap(row.blob);
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
      const head = new TextDecoder('latin1').decode(new Uint8Array(bytes).subarray(0, 65536));
      out.push({
        id: row.id,
        hazardId: row.hazardId,
        size: row.blob.size,
        width: bitmap.width,
        height: bitmap.height,
        sha: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''),
        hasExif: head.includes('Exif\0\0'),
        uploaded: row.uploaded,
        thumbSize: row.thumb?.size ?? 0,
      });
    }
    return out;
  });
}

async function fillHazard(page: Page, description: string) {
  await page.getByRole('button', { name: 'New hazard' }).click();
  await page.getByLabel('Category').selectOption({ label: 'Fire safety' });
  await page.getByRole('radiogroup', { name: 'Severity' }).getByLabel('High').check();
  await page.getByLabel('Description').fill(description);
}

describe('hazard photos', () => {
  it('are compressed upright offline, uploaded before their hazard, and backed up across phones', async () => {
    const phone = await newPhone(product.browser);
    const page = await phone.newPage();
    await enroll(page, product.server.url, 'DEMO-A-03');
    await waitForServiceWorker(page);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('All synced');

    await phone.setOffline(true);
    await product.server.stop();

    const description = 'Fire door on floor 2 wedged open (photos)';
    await fillHazard(page, description);
    await page.getByLabel('Add photo').setInputFiles([fixture('phone-12mp-orientation6.jpg'), fixture('small-1200x900.jpg')]);
    await page.getByText('2 of 6 photos').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('img', { name: /^Photo \d$/ }).count()).toBe(2);
    // An unreadable file: named in the member's language, left out, the rest kept.
    await page.getByLabel('From gallery').setInputFiles([fixture('truncated.jpg'), fixture('not-an-image.jpg')]);
    const refused = page.getByRole('alert').filter({ hasText: 'is not a photo this phone can read' });
    await refused.waitFor();
    expect(await refused.textContent()).toContain('truncated.jpg');
    expect(await page.getByRole('img', { name: /^Photo \d$/ }).count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);

    // The photos survive a reload of the half-written form.
    await page.reload();
    await page.getByText('2 of 6 photos').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'New hazard' }).waitFor();
    await page.getByText(description, { exact: true }).waitFor();

    const photos = await storedPhotos(page);
    expect(photos).toHaveLength(2);
    for (const photo of photos) {
      expect(photo.sha).toBe(photo.id);
      expect(Math.max(photo.width, photo.height)).toBeLessThanOrEqual(1600);
      expect(photo.size).toBeLessThanOrEqual(350 * 1024);
      expect(photo.hasExif).toBe(false);
      expect(photo.uploaded).toBe(0);
      expect(photo.thumbSize).toBeGreaterThan(0);
      expect(photo.thumbSize).toBeLessThanOrEqual(20 * 1024);
    }
    const big = photos.find((p) => Math.max(p.width, p.height) === 1600);
    expect(big, JSON.stringify(photos)).toBeDefined();
    // Orientation 6: a portrait shot stored sideways must come out upright.
    expect(big!.height).toBeGreaterThan(big!.width);
    expect(big!.height).toBe(1600);
    const small = photos.find((p) => p !== big)!;
    expect([small.width, small.height]).toEqual([1200, 900]);
    expect(small.size).toBeLessThanOrEqual(readFileSync(fixture('small-1200x900.jpg')).length);

    // Back online: record every upload progress line the sync panel shows.
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { progressSeen: string[] }).progressSeen = []);
      new MutationObserver(() => {
        const text = document.body.innerText.match(/Uploading photos \d+\/\d+, [\d.]+ [KM]B/)?.[0];
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await product.server.start();
    await phone.setOffline(false);
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByRole('status').getByText('All synced').waitFor({ timeout: 30_000 });
    const progress = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(progress.length, 'upload progress was shown').toBeGreaterThan(0);
    expect(progress.every((line) => /Uploading photos [0-2]\/2/.test(line))).toBe(true);

    const [hazard] = product.server.query<{ photo_ids: string }>('SELECT photo_ids FROM hazards WHERE description = ?', description);
    expect(JSON.parse(hazard!.photo_ids).sort()).toEqual(photos.map((p) => p.id).sort());
    const rows = product.server.query<{ id: string; bytes: number; width: number; height: number }>('SELECT id, bytes, width, height FROM photos');
    for (const photo of photos) {
      const row = rows.find((r) => r.id === photo.id);
      expect(row).toMatchObject({ bytes: photo.size, width: photo.width, height: photo.height });
      expect(sha256(readFileSync(join(product.server.dataDir, 'photos', photo.id)))).toBe(photo.id);
    }
    expect((await storedPhotos(page)).every((p) => p.uploaded === 1)).toBe(true);

    // Settings: storage figures and the backup round trip to another phone.
    await phone.setOffline(true);
    const offlineNote = 'Extinguisher missing at gate B (backup)';
    await fillHazard(page, offlineNote);
    await page.getByLabel('Add photo').setInputFiles([fixture('small-1200x900.jpg')]);
    await page.getByText('1 of 6 photos').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(offlineNote, { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Storage on this phone' }).waitFor();
    await expect.poll(() => page.getByTestId('storage-used').textContent()).toMatch(/^Used [\d.]+ [KMG]B of about [\d.]+ [KMG]B/);
    await expect.poll(() => page.getByTestId('storage-unsynced').textContent()).toBe('Not yet synced: 1 records, 0 photos.');
    expect(await seriousViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export backup' }).click()]);
    const backupPath = join(product.server.dataDir, '..', `${download.suggestedFilename()}`);
    await download.saveAs(backupPath);
    const backup = JSON.parse(readFileSync(backupPath, 'utf8')) as { outbox: unknown[]; photos: { id: string }[] };
    expect(backup.outbox).toHaveLength(1);
    expect(backup.photos).toHaveLength(1);

    // Another phone, same member: import, and it syncs the hazard and its photo.
    const spare = await newPhone(product.browser);
    const sparePage = await spare.newPage();
    await enroll(sparePage, product.server.url, 'DEMO-A-03');
    await sparePage.getByRole('button', { name: 'Settings' }).click();
    await sparePage.getByLabel('Import backup').setInputFiles(backupPath);
    await sparePage.getByText('Backup imported: 1 records and 1 photos added').waitFor();
    await sparePage.getByRole('button', { name: 'Back', exact: true }).click();
    await sparePage.getByText(offlineNote, { exact: true }).waitFor();
    await sparePage.getByRole('status').getByText('All synced').waitFor({ timeout: 30_000 });
    expect(product.server.query('SELECT id FROM hazards WHERE description = ?', offlineNote)).toHaveLength(1);
    expect(product.server.query('SELECT id FROM photos WHERE id = ?', backup.photos[0]!.id)).toHaveLength(1);

    // The first phone comes back online and sends the same mutation: acked, still one row.
    await phone.setOffline(false);
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByRole('status').getByText('All synced').waitFor({ timeout: 30_000 });
    expect(product.server.query('SELECT id FROM hazards WHERE description = ?', offlineNote)).toHaveLength(1);

    await spare.close();
    await phone.close();
  });
});
