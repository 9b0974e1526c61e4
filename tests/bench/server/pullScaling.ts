// Pull scaling, in Node against the real endpoint over loopback HTTP: 100 new hazards are pushed
// onto a pull log of 10k rows and of 1M rows, then the pull of exactly those 100 (from the cursor
// just before them) is timed, request to parsed body. An indexed pull costs the same at both sizes.
// On SQLite: the fill writes the file through a handle of its own, far faster than the Sql door.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../src/server/startServer';
import { encodeCursor } from '../../../src/server/http/cursor';
import { openSqlite } from '../../../src/server/store/sqlite/openSqlite';
import { PULL_PAGE_SIZE } from '../../../src/app/sync/pullChanges';
import { waitingHazards } from '../browser/seedOutbox';
import { measured, type Figure } from '../lib/figure';
import { within } from '../lib/bounded';
import { fillChanges } from './fillChanges';

const NEW_CHANGES = 100;
// The server runs in this process: enough warm-up for its code to be compiled hot before timing.
const WARMUPS = 20;
const RUNS = 30;
const FILL_BUDGET_MS = 90_000;
export const PULL_MS = 20;
export const PULL_RATIO = 1.5;

async function api<T>(server: RunningServer, path: string, token: string | null, body?: unknown): Promise<T> {
  const response = await within(
    30_000,
    path,
    fetch(`${server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

interface PullTimes {
  rows: number;
  fillSeconds: number;
  times: number[];
}

async function timePullAt(size: number, distDir: string): Promise<PullTimes> {
  const dataDir = mkdtempSync(join(tmpdir(), 'patrol-bench-pull-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, staticDir: distDir, demo: true, log: false });
  try {
    const { token, member } = await api<{ token: string; member: Parameters<typeof waitingHazards>[0] }>(
      server, '/api/v1/enroll', null, { code: 'DEMO-A-01', deviceName: 'bench' });
    const started = Date.now();
    const file = openSqlite(dataDir);
    let rows: number;
    try {
      rows = fillChanges(file, size - NEW_CHANGES, started + FILL_BUDGET_MS) + NEW_CHANGES;
    } finally {
      file.close();
    }
    const fillSeconds = (Date.now() - started) / 1000;
    const { lastSeq } = (await server.store.sql.get<{ lastSeq: number }>('SELECT max(seq) AS "lastSeq" FROM changes'))!;
    const mutations = waitingHazards(member, NEW_CHANGES).outbox.map((row) => row.mutation);
    const pushed = await api<{ acked: string[] }>(server, '/api/v1/sync/push', token, { mutations });
    if (pushed.acked.length !== NEW_CHANGES) throw new Error(`push acked ${pushed.acked.length} of ${NEW_CHANGES}`);

    // The query the app sends: its page size, from the cursor just before the new hazards.
    const path = `/api/v1/sync/pull?cursor=${encodeCursor(lastSeq)}&limit=${PULL_PAGE_SIZE}`;
    const times: number[] = [];
    for (let i = 0; i < WARMUPS + RUNS; i++) {
      const t0 = performance.now();
      const page = await api<{ changes: unknown[]; hasMore: boolean }>(server, path, token);
      const ms = performance.now() - t0;
      if (page.changes.length !== NEW_CHANGES || page.hasMore) {
        throw new Error(`pull returned ${page.changes.length} changes (hasMore ${page.hasMore}), not ${NEW_CHANGES}`);
      }
      if (i >= WARMUPS) times.push(ms);
    }
    return { rows, fillSeconds, times };
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const thousands = (rows: number) => (rows >= 1e6 ? `${(rows / 1e6).toFixed(rows % 1e6 ? 2 : 0)}M` : `${Math.round(rows / 1000)}k`);

export async function pullScalingFigures(distDir: string): Promise<Figure[]> {
  const small = await timePullAt(10_000, distDir);
  const large = await timePullAt(1_000_000, distDir);
  const figure = (id: string, at: PullTimes) =>
    measured(
      {
        id,
        name: `pull 100 changes, ${thousands(at.rows)} rows`,
        unit: 'ms',
        budget: { op: '<=', limit: PULL_MS, on: 'median' },
        note: `pull log of ${at.rows.toLocaleString('en')} rows, filled in ${at.fillSeconds.toFixed(1)} s${at.rows < 1_000_000 && at === large ? ` (stopped at the ${FILL_BUDGET_MS / 1000} s fill budget)` : ''}`,
      },
      at.times,
    );
  const smallFigure = figure('pull10k', small);
  const largeFigure = figure('pull1M', large);
  return [
    smallFigure,
    largeFigure,
    {
      id: 'pullRatio',
      name: `pull ratio ${thousands(large.rows)} / ${thousands(small.rows)}`,
      unit: 'ratio',
      median: largeFigure.median! / smallFigure.median!,
      p95: largeFigure.p95! / smallFigure.p95!,
      runs: [],
      budget: { op: '<=', limit: PULL_RATIO, on: 'median' },
      note: 'ratio of the medians (and of the p95s)',
    },
  ];
}
