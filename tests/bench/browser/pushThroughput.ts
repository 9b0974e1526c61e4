// Push throughput: N waiting mutations in IndexedDB, then a reload; the app's own sync pushes
// them. Timed in the page from navigation start to the status reading "All synced" (app start
// included, so the figure is a little pessimistic). The server's hazard count must rise by N.
import type { Page } from 'playwright-core';
import type { ProductServer } from '../../e2e/helpers/server';
import { measured, percentile, type Figure } from '../lib/figure';
import { enrolledMember, seedOutbox, waitingHazards } from './seedOutbox';
import { waitForIdleSync } from './phone';

export const PUSH_RECORDS_PER_S = 5000;

const serverHazards = (server: ProductServer) =>
  server.query<{ n: number }>('SELECT count(*) AS n FROM hazards')[0]!.n;

interface SyncRun {
  ms: number;
  /** Time the server spent inside push requests (its request log), to tell client from server cost. */
  serverMs: number;
  requests: number;
}

function pushRequestsSince(server: ProductServer, offset: number): { serverMs: number; requests: number } {
  let serverMs = 0;
  let requests = 0;
  for (const line of server.output().slice(offset).split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { path?: string; ms?: number };
    if (entry.path !== '/api/v1/sync/push' || typeof entry.ms !== 'number') continue;
    serverMs += entry.ms;
    requests++;
  }
  return { serverMs, requests };
}

/** One run: ms from reload to "All synced". */
async function syncRun(page: Page, server: ProductServer, n: number): Promise<SyncRun> {
  await waitForIdleSync(page, 120_000);
  const member = await enrolledMember(page);
  const before = serverHazards(server);
  await seedOutbox(page, waitingHazards(member, n));
  // The page's periodic sync could have taken rows while we seeded: such a run would time less work.
  if (serverHazards(server) !== before) throw new Error('a sync ran while the outbox was being seeded');
  const logOffset = server.output().length;
  await page.reload({ waitUntil: 'commit' });
  const handle = await page.waitForFunction(() => window.__bench?.syncedAt ?? null, null, {
    timeout: 60_000 + n * 10,
    polling: 100,
  });
  const ms = (await handle.jsonValue()) as number;
  const added = serverHazards(server) - before;
  if (added !== n) throw new Error(`the server gained ${added} hazards, not ${n}`);
  return { ms, ...pushRequestsSince(server, logOffset) };
}

export async function measurePush(page: Page, server: ProductServer, n: number, warmups: number, runs: number): Promise<SyncRun[]> {
  const measuredRuns: SyncRun[] = [];
  for (let i = 0; i < warmups + runs; i++) {
    const run = await syncRun(page, server, n);
    if (i >= warmups) measuredRuns.push(run);
  }
  return measuredRuns;
}

const breakdown = (runs: SyncRun[]) =>
  runs.map((r) => `${(r.ms / 1000).toFixed(2)} s (server ${(r.serverMs / 1000).toFixed(2)} s in ${r.requests} pushes)`).join(', ');

export async function pushFigures(page: Page, server: ProductServer): Promise<Figure[]> {
  const thousandRuns = await measurePush(page, server, 1000, 1, 5);
  const tenThousandRuns = await measurePush(page, server, 10_000, 0, 3);
  const thousand = thousandRuns.map((r) => r.ms);
  const tenThousand = tenThousandRuns.map((r) => r.ms);
  // For a rate, the bad tail is the slow runs: p95 is the rate of the p95 time.
  const rate = (ms: number) => 10_000 / (ms / 1000);
  return [
    measured(
      { id: 'push1k', name: 'sync 1,000 outbox mutations', unit: 'ms', budget: null, note: breakdown(thousandRuns) },
      thousand,
    ),
    measured(
      {
        id: 'pushThroughput',
        name: 'push throughput (10,000)',
        unit: 'records/s',
        budget: { op: '>=', limit: PUSH_RECORDS_PER_S, on: 'median' },
        note: `10,000 mutations in ${breakdown(tenThousandRuns)}; the 1,000 runs warmed up`,
      },
      tenThousand.map(rate),
    ),
  ].map((f) => (f.id === 'pushThroughput' ? { ...f, p95: rate(percentile(tenThousand, 95)) } : f));
}
