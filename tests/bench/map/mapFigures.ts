// The lead's map in headless Chromium: IndexedDB seeded with 24 members × 8 h × 1 fix/5 s
// (138,240 points, noisy, with gaps) and 300 hazards for today; then
// - first paint: tap Map (the bench's click mark) → the screen's 'map-painted' mark, i.e. every
//   track and marker handed to Leaflet and two animation frames drawn;
// - filter change: the Member select's change → the screen's 'map-filter-change' measure;
// - pan frame time: frame intervals while a finger-like mouse drags the map;
// - JS heap after load: Runtime.getHeapUsage after a forced GC, map open.
import type { Page } from 'playwright-core';
import { measured, type Figure } from '../lib/figure';
import { within } from '../lib/bounded';
import { STEP_TIMEOUT_MS } from '../browser/phone';
import { FIXES_PER_MEMBER, MAP_HAZARDS, MAP_MEMBERS, mapDayRows } from './mapDay';

export const MAP_FIRST_PAINT_MS = 400;
export const MAP_FILTER_MS = 100;
const RUNS = 5;
const FILTER_RUNS = 10;

/** Writes rows into the app's own IndexedDB database, as pulled rows would be, in chunks. */
async function put(page: Page, store: string, rows: unknown[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 40) {
    await page.evaluate(async ([store, rows]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('patrol-log');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction(store, 'readwrite');
      for (const row of rows) tx.objectStore(store).put(row);
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, [store, rows.slice(i, i + 40)] as const);
  }
}

export async function seedMapDay(page: Page): Promise<void> {
  const { members, startAt } = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('patrol-log');
      open.onsuccess = () => resolve(open.result);
    });
    const rows = await new Promise<Array<{ id: string; teamId: string | null; role: string }>>((resolve) => {
      const request = db.transaction('members').objectStore('members').getAll();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    const start = new Date();
    start.setHours(0, 30, 0, 0);
    return { members: rows.filter((m) => m.teamId !== null).map((m) => [m.id, m.teamId!] as [string, string]), startAt: start.getTime() };
  });
  if (members.length < MAP_MEMBERS) throw new Error(`expected ${MAP_MEMBERS} team members on the phone, found ${members.length}`);
  const rows = mapDayRows(members.slice(0, MAP_MEMBERS), startAt);
  const points = rows.trackBatches.reduce((n, b) => n + b.points.length, 0);
  if (points !== MAP_MEMBERS * FIXES_PER_MEMBER || rows.hazards.length !== MAP_HAZARDS) throw new Error(`seeded ${points} points, ${rows.hazards.length} hazards`);
  await put(page, 'rounds', rows.rounds);
  await put(page, 'trackBatches', rows.trackBatches);
  await put(page, 'hazards', rows.hazards);
}

async function openMap(page: Page): Promise<number> {
  await page.evaluate(() => {
    performance.clearMarks();
    performance.clearMeasures();
    location.hash = '#/';
  });
  await page.getByRole('button', { name: 'New hazard' }).waitFor();
  await page.evaluate(() =>
    document.addEventListener('click', (e) => {
      if ((e.target as HTMLElement).closest('button')?.textContent?.trim() === 'Map') performance.mark('map-open');
    }, { capture: true, once: true }),
  );
  await page.getByRole('button', { name: 'Map', exact: true }).click();
  const handle = await page.waitForFunction(() => {
    const painted = performance.getEntriesByName('map-painted', 'mark')[0];
    return painted ? performance.measure('map-first-paint', 'map-open', 'map-painted').duration : null;
  }, null, { timeout: STEP_TIMEOUT_MS, polling: 50 });
  return (await handle.jsonValue()) as number;
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

async function filterChanges(page: Page): Promise<number[]> {
  const member = page.getByLabel('Member');
  const someone = (await member.locator('option').nth(3).textContent())!;
  const durations: number[] = [];
  for (let i = 0; i < FILTER_RUNS + 2; i++) {
    await page.evaluate(() => performance.clearMeasures('map-filter-change'));
    await member.selectOption({ label: i % 2 === 0 ? someone : 'All' });
    const handle = await page.waitForFunction(() => performance.getEntriesByName('map-filter-change')[0]?.duration ?? null, null, { timeout: STEP_TIMEOUT_MS, polling: 20 });
    durations.push((await handle.jsonValue()) as number);
  }
  return durations.slice(2);
}

/** Frame intervals (ms) while dragging the map 300 px over about a second, three drags after a warm-up. */
async function panFrames(page: Page): Promise<number[]> {
  const box = (await page.getByRole('region', { name: 'Route map' }).boundingBox())!;
  const intervals: number[] = [];
  for (let drag = 0; drag < 4; drag++) {
    await page.evaluate((generation) => {
      // One frame loop per drag: the loop of the last drag stops when the generation moves on.
      const w = window as unknown as { __frames: number[]; __generation: number };
      w.__frames = [];
      w.__generation = generation;
      const tick = (t: number) => {
        if (w.__generation !== generation) return;
        w.__frames.push(t);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, drag);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    const dir = drag % 2 === 0 ? 1 : -1;
    await page.mouse.move(x - dir * 150, y);
    await page.mouse.down();
    await page.mouse.move(x + dir * 150, y + dir * 40, { steps: 60 });
    await page.mouse.up();
    const frames = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __generation: number };
      w.__generation = -1;
      return w.__frames;
    });
    if (drag > 0) for (let i = 1; i < frames.length; i++) intervals.push(frames[i]! - frames[i - 1]!);
  }
  return intervals;
}

export async function mapFigures(page: Page): Promise<Figure[]> {
  await within(120_000, 'seeding the map day', seedMapDay(page));
  const paints: number[] = [];
  const heaps: number[] = [];
  // Warm-up, reported in the note: the first open loads the map chunk with Leaflet and builds the
  // packed track cache from 138,240 stored point objects; later opens read the cache.
  const coldMs = await openMap(page);
  for (let i = 0; i < RUNS; i++) {
    paints.push(await openMap(page));
    heaps.push(await heapMB(page));
  }
  const filters = await filterChanges(page);
  const frames = await panFrames(page);
  const seeded = `${MAP_MEMBERS * FIXES_PER_MEMBER} points, ${MAP_HAZARDS} hazards`;
  return [
    measured({ id: 'mapFirstPaint', name: 'map first paint', unit: 'ms', budget: { op: '<=', limit: MAP_FIRST_PAINT_MS, on: 'median' }, note: `${seeded}; first open (cold: Leaflet chunk, track cache built) ${coldMs.toFixed(0)} ms, not in the runs` }, paints),
    measured({ id: 'mapFilterChange', name: 'map filter change', unit: 'ms', budget: { op: '<=', limit: MAP_FILTER_MS, on: 'median' }, note: 'Member select → painted' }, filters),
    measured({ id: 'mapPanFrame', name: 'map pan frame time', unit: 'ms', budget: null, note: `${frames.length} frames over 3 drags` }, frames),
    measured({ id: 'mapHeap', name: 'JS heap, map open', unit: 'MB', budget: null, note: 'after a forced GC' }, heaps),
  ];
}
