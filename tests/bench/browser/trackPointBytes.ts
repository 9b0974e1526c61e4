// Bytes stored per track point in IndexedDB: navigator.storage.estimate() before and after
// writing 10,000 points shaped as the app stores them. Chromium's estimate is coarse, so the
// figure is a median over several runs, a guide to how much a day of tracking costs a phone.
import type { Page } from 'playwright-core';
import { measured, type Figure } from '../lib/figure';

const POINTS = 10_000;
const RUNS = 5;

async function oneRun(page: Page): Promise<number> {
  return page.evaluate(async (count) => {
    const open = () =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('patrol-log');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const db = await open();
    const before = (await navigator.storage.estimate()).usage ?? 0;
    const roundId = crypto.randomUUID();
    const start = Date.now();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('trackPoints', 'readwrite');
      const store = tx.objectStore('trackPoints');
      for (let i = 0; i < count; i++) {
        const jitter = Math.sin(i) * 1e-5;
        store.add({ roundId, batchId: 'bench', at: start + i * 5_000, lat: 30.655 + i * 2e-6 + jitter, lng: 104.104 + jitter, accuracy: 4 + (i % 9), segment: Math.floor(i / 2_000) });
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    const after = (await navigator.storage.estimate()).usage ?? 0;
    return (after - before) / count;
  }, POINTS);
}

export async function measureTrackPointBytes(page: Page): Promise<Figure> {
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await oneRun(page));
  return measured(
    { id: 'trackPointBytes', name: 'IndexedDB bytes per track point', unit: 'bytes', budget: null, note: `storage.estimate() before and after ${POINTS.toLocaleString('en')} points, ${RUNS} runs` },
    runs,
  );
}
