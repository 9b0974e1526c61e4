// Photo sync: N waiting hazards with one ≈300 KB photo each, put straight into the phone's
// IndexedDB (hazards, photos and outbox rows as saveHazard writes them), then a reload; the app's
// own sync uploads every photo and then pushes the hazards. Timed in the page from navigation
// start to "All synced" (app start included). The photos are real JPEGs: a 12 MP fixture
// compressed in the page, then varied per hazard by a comment segment, so each has its own hash.
import type { Page } from 'playwright-core';
import type { ProductServer } from '../../e2e/helpers/server';
import { photoFixture } from '../../fixtures/photos';
import { enrolledMember, waitingHazards } from '../browser/seedOutbox';
import { waitForIdleSync } from '../browser/phone';
import { measured, type Figure } from '../lib/figure';

export const PHOTO_SYNC_MS = 20_000;

const count = (server: ProductServer, table: string) => server.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)[0]!.n;

/** Makes n distinct photos in the page (kept on window) and returns their ids and sizes. */
async function makePhotos(page: Page, n: number, run: number): Promise<{ id: string; bytes: number }[]> {
  const source = Buffer.from(photoFixture('phone-12mp-landscape.jpg')).toString('base64');
  return page.evaluate(
    async ({ source, n, run }) => {
      const w = window as unknown as { __benchBase?: Uint8Array; __benchPhotos?: Blob[] };
      if (!w.__benchBase) {
        const original = Uint8Array.from(atob(source), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([original]), { resizeWidth: 1600, resizeHeight: 1200, resizeQuality: 'high' });
        const canvas = new OffscreenCanvas(1600, 1200);
        canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
        w.__benchBase = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.72 })).arrayBuffer());
      }
      const base = w.__benchBase;
      const blobs: Blob[] = [];
      const out: { id: string; bytes: number }[] = [];
      for (let i = 0; i < n; i++) {
        const text = new TextEncoder().encode(`bench run ${run} photo ${i}`);
        const bytes = new Uint8Array(base.length + 4 + text.length);
        bytes.set(base.subarray(0, 2));
        bytes.set([0xff, 0xfe, (text.length + 2) >> 8, (text.length + 2) & 0xff], 2);
        bytes.set(text, 6);
        bytes.set(base.subarray(2), 6 + text.length);
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        out.push({ id: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''), bytes: bytes.length });
        blobs.push(new Blob([bytes], { type: 'image/jpeg' }));
      }
      w.__benchPhotos = blobs;
      return out;
    },
    { source, n, run },
  );
}

async function seed(page: Page, n: number, run: number): Promise<number> {
  const member = await enrolledMember(page);
  const photos = await makePhotos(page, n, run);
  const { hazards, outbox } = waitingHazards(member, n);
  for (const [i, row] of outbox.entries()) {
    row.mutation.data.photoIds = [photos[i]!.id];
    hazards[i]!.photoIds = [photos[i]!.id];
  }
  const now = new Date().toISOString();
  const photoRows = photos.map((p, i) => ({
    id: p.id, hazardId: hazards[i]!.id, eventId: null, mime: 'image/jpeg', bytes: p.bytes, width: 1600, height: 1200,
    takenAt: now, createdAt: now, thumb: null, uploaded: 0,
  }));
  await page.evaluate(async ({ hazards, outbox, photoRows }) => {
    const blobs = (window as unknown as { __benchPhotos: Blob[] }).__benchPhotos;
    const open = indexedDB.open('patrol-log');
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    // 100 hazards with their photos per transaction: like a day of saves, not one 300 MB write.
    for (let from = 0; from < hazards.length; from += 100) {
      const tx = idb.transaction(['hazards', 'queue', 'photos'], 'readwrite');
      for (let i = from; i < Math.min(from + 100, hazards.length); i++) {
        tx.objectStore('photos').add({ ...photoRows[i], blob: blobs[i] });
        tx.objectStore('hazards').add(hazards[i]);
        tx.objectStore('queue').add(outbox[i]);
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error ?? new Error('seeding transaction aborted'));
      });
    }
    idb.close();
    delete (window as unknown as { __benchPhotos?: Blob[] }).__benchPhotos;
  }, { hazards, outbox, photoRows });
  return photos.reduce((sum, p) => sum + p.bytes, 0);
}

interface Run {
  ms: number;
  mb: number;
}

async function syncRun(page: Page, server: ProductServer, n: number, run: number): Promise<Run> {
  console.log(`  photo sync run ${run}: ${n} hazards with a photo each`);
  await waitForIdleSync(page, 120_000);
  const before = { hazards: count(server, 'hazards'), photos: count(server, 'photos') };
  const bytes = await seed(page, n, run);
  if (count(server, 'photos') !== before.photos) throw new Error('a sync ran while the photos were being seeded');
  await page.reload({ waitUntil: 'commit' });
  const handle = await page.waitForFunction(() => window.__bench?.syncedAt ?? null, null, { timeout: 60_000 + n * 100, polling: 100 });
  const ms = (await handle.jsonValue()) as number;
  const photos = count(server, 'photos') - before.photos;
  const hazards = count(server, 'hazards') - before.hazards;
  if (photos !== n || hazards !== n) throw new Error(`the server gained ${photos} photos and ${hazards} hazards, not ${n}`);
  // The bench context keeps IndexedDB in memory: drop the uploaded copies before the next run.
  await page.evaluate(async () => {
    const open = indexedDB.open('patrol-log');
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = idb.transaction('photos', 'readwrite');
    tx.objectStore('photos').clear();
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    idb.close();
  });
  return { ms, mb: bytes / 1024 / 1024 };
}

async function runs(page: Page, server: ProductServer, n: number, warmups: number, count: number, offset: number): Promise<Run[]> {
  const out: Run[] = [];
  for (let i = 0; i < warmups + count; i++) {
    const run = await syncRun(page, server, n, offset + i);
    if (i >= warmups) out.push(run);
  }
  return out;
}

export async function photoSyncFigures(page: Page, server: ProductServer): Promise<Figure[]> {
  const fifty = await runs(page, server, 50, 1, 5, 0);
  const thousand = await runs(page, server, 1000, 0, 5, 100);
  const mbps = (r: Run) => r.mb / (r.ms / 1000);
  return [
    measured(
      {
        id: 'photoSync',
        name: 'photo sync (1,000 × ≈300 KB)',
        unit: 'ms',
        budget: { op: '<=', limit: PHOTO_SYNC_MS, on: 'median' },
        note: `${thousand[0]!.mb.toFixed(0)} MB a run; ${thousand.map((r) => `${mbps(r).toFixed(1)} MB/s`).join(', ')}`,
      },
      thousand.map((r) => r.ms),
    ),
    measured(
      {
        id: 'photoUpload50',
        name: 'photo upload throughput (50 photos)',
        unit: 'records/s',
        budget: null,
        note: `photos/s from reload to All synced; ${fifty.map((r) => `${mbps(r).toFixed(1)} MB/s`).join(', ')}`,
      },
      fifty.map((r) => 50 / (r.ms / 1000)),
    ),
  ];
}
