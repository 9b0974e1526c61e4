// The figures measured in headless Chromium against the real product server, in an order that
// lets each reuse the last: cold-load JS, save latency, push throughput and the server's memory
// right after it, photo compression and photo sync, and last the offline cold start, which stops
// the server for good.
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../e2e/helpers/browser';
import { startProductServer, type ProductServer } from '../../e2e/helpers/server';
import { sleep } from '../lib/bounded';
import { failed, measured, type Figure } from '../lib/figure';
import { listeningPid, residentMemory } from '../server/serverRss';
import { measureCaptureJs } from './captureJs';
import { measureOfflineColdStart } from './offlineColdStart';
import { enrolledPhone } from './phone';
import { pushFigures } from './pushThroughput';
import { measureSaveLatency } from './saveLatency';
import { measureTrackPointBytes } from './trackPointBytes';
import { mapFigures } from '../map/mapFigures';
import { photoCompressionFigures } from '../photos/photoCompression';
import { photoSyncFigures } from '../photos/photoSync';

export const SERVER_RSS_MB = 150;

/** Runs a step; a step that throws becomes failed figures and the rest still run. */
async function step(names: Array<Pick<Figure, 'id' | 'name' | 'unit' | 'budget'>>, work: () => Promise<Figure[]>): Promise<Figure[]> {
  console.log(`Measuring ${names.map((n) => n.name).join(', ')}…`);
  try {
    return await work();
  } catch (error) {
    console.error(`${names.map((n) => n.name).join(', ')}: ${error instanceof Error ? error.stack : String(error)}`);
    return names.map((n) => failed(n, error));
  }
}

const serverMemory = (server: ProductServer) => {
  const pid = listeningPid(Number(new URL(server.url).port));
  return { pid, ...residentMemory(pid) };
};

/** Five readings 200 ms apart, so one GC moment does not make the figure. */
async function serverRss(server: ProductServer, atStartMB: number): Promise<Figure> {
  const readings: number[] = [];
  let last = serverMemory(server);
  for (let i = 0; i < 5; i++) {
    if (i > 0) await sleep(200);
    last = serverMemory(server);
    readings.push(last.rssMB);
  }
  return measured(
    {
      id: 'serverRss',
      name: 'server RSS after push',
      unit: 'MB',
      budget: { op: '<=', limit: SERVER_RSS_MB, on: 'median' },
      note: `pid ${last.pid}; ${atStartMB.toFixed(1)} MB right after start, peak (VmHWM) ${last.peakMB.toFixed(1)} MB`,
    },
    readings,
  );
}

export async function browserFigures(distDir: string): Promise<{ figures: Figure[]; chromium: string }> {
  // The bench measures throughput, not the per-device photo limits: it uploads far more in a run.
  const server = await startProductServer(distDir, { PHOTO_QUOTA_MB_PER_DAY: '100000', PHOTO_UPLOADS_PER_MINUTE: '100000' });
  const rssAtStartMB = serverMemory(server).rssMB;
  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
    const b = browser;
    const chromium = `Chromium ${b.version()}`;
    const figures: Figure[] = [];
    // Enrolled now, while the server is up; measured last, after the server is stopped.
    const offlinePhone = await enrolledPhone(b, server.url, 'DEMO-A-02');

    figures.push(...(await step([{ id: 'captureJs', name: 'capture JS (cold load)', unit: 'KB', budget: null }], async () => {
      const phone = await enrolledPhone(b, server.url, 'DEMO-A-01');
      const figure = await measureCaptureJs(phone.page, distDir);
      await phone.context.close();
      return [figure];
    })));
    figures.push(...(await step([{ id: 'saveLatency', name: 'save latency (tap Save → commit)', unit: 'ms', budget: null }], async () => {
      const phone = await enrolledPhone(b, server.url, 'DEMO-A-03');
      const figure = await measureSaveLatency(phone.page);
      await phone.context.close();
      return [figure];
    })));
    figures.push(...(await step([{ id: 'trackPointBytes', name: 'IndexedDB bytes per track point', unit: 'bytes', budget: null }], async () => {
      const phone = await enrolledPhone(b, server.url, 'DEMO-A-07');
      const figure = await measureTrackPointBytes(phone.page);
      await phone.context.close();
      return [figure];
    })));
    figures.push(...(await step(
      [
        { id: 'mapFirstPaint', name: 'map first paint', unit: 'ms', budget: null },
        { id: 'mapFilterChange', name: 'map filter change', unit: 'ms', budget: null },
        { id: 'mapPanFrame', name: 'map pan frame time', unit: 'ms', budget: null },
        { id: 'mapHeap', name: 'JS heap, map open', unit: 'MB', budget: null },
      ],
      async () => {
        const phone = await enrolledPhone(b, server.url, 'DEMO-A-LEAD');
        const measuredMap = await mapFigures(phone.page);
        await phone.context.close();
        return measuredMap;
      },
    )));
    figures.push(...(await step(
      [
        { id: 'push1k', name: 'sync 1,000 outbox mutations', unit: 'ms', budget: null },
        { id: 'pushThroughput', name: 'push throughput (10,000)', unit: 'records/s', budget: null },
        { id: 'serverRss', name: 'server RSS after push', unit: 'MB', budget: null },
      ],
      async () => {
        const phone = await enrolledPhone(b, server.url, 'DEMO-A-04');
        const pushed = await pushFigures(phone.page, server);
        const rss = await serverRss(server, rssAtStartMB);
        await phone.context.close();
        return [...pushed, rss];
      },
    )));
    // Photos after the server's RSS reading, so their buffers do not count in it.
    figures.push(...(await step(
      [
        { id: 'photoCompression', name: 'photo compression (12 MP landscape)', unit: 'ms', budget: null },
        { id: 'photoCompressionPortrait', name: 'photo compression (12 MP, EXIF orientation 6)', unit: 'ms', budget: null },
        { id: 'photoCompressedSize', name: 'compressed size (both 12 MP fixtures)', unit: 'KB', budget: null },
        { id: 'photoCompression27mp', name: 'photo compression (27 MP, above the iOS canvas limit)', unit: 'ms', budget: null },
      ],
      async () => {
        const phone = await enrolledPhone(b, server.url, 'DEMO-A-08');
        const figures = await photoCompressionFigures(phone.page);
        await phone.context.close();
        return figures;
      },
    )));
    figures.push(...(await step(
      [
        { id: 'photoSync', name: 'photo sync (1,000 × ≈300 KB)', unit: 'ms', budget: null },
        { id: 'photoUpload50', name: 'photo upload throughput (50 photos)', unit: 'records/s', budget: null },
      ],
      async () => {
        const phone = await enrolledPhone(b, server.url, 'DEMO-A-09');
        const figures = await photoSyncFigures(phone.page, server);
        await phone.context.close();
        return figures;
      },
    )));
    figures.push(...(await step(
      [
        { id: 'offlineColdStart', name: 'offline cold start (4× CPU)', unit: 'ms', budget: null },
        { id: 'offlineColdStartUnthrottled', name: 'offline cold start (no throttle)', unit: 'ms', budget: null },
      ],
      async () => {
        await offlinePhone.context.setOffline(true);
        await server.stop();
        const throttled = await measureOfflineColdStart(offlinePhone.page, 4);
        const unthrottled = await measureOfflineColdStart(offlinePhone.page, 1);
        return [throttled, unthrottled];
      },
    )));
    return { figures, chromium };
  } finally {
    await browser?.close();
    await server.stop();
  }
}
