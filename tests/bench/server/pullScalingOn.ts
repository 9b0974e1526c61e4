// Pull scaling on one backend, in Node against the real endpoint over loopback HTTP: 100 new
// hazards are pushed onto a pull log of 10k rows and of 10M rows, then the pull of exactly those
// 100 (from the cursor just before them) is timed, request to parsed body. The filler rows are
// written by one SQL statement each (a generator), small, in the scopes a real log has.
import { encodeCursor } from '../../../src/server/http/cursor';
import { PULL_PAGE_SIZE } from '../../../src/app/sync/pullChanges';
import type { Dialect, Sql } from '../../../src/server/store/sql/sql';
import { waitingHazards } from '../browser/seedOutbox';
import { measured, type Figure } from '../lib/figure';
import { api, backendName, inProcessServer } from './backendServers';

const NEW_CHANGES = 100;
const WARMUPS = 20;
const RUNS = 30;
export const PULL_MS = 20;
export const PULL_RATIO = 1.5;
export const SIZES = [10_000, 10_000_000] as const;

const FILLER = '{"id":"filler","description":"archived hazard: bicycles in the fire lane"}';

/** `rows` filler changes, a third of them in another team's scope, numbered from 1. */
async function fill(sql: Sql, rows: number): Promise<void> {
  if (sql.dialect === 'sqlite') {
    await sql.run(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO changes (entity, entity_id, scope, data)
       SELECT 'hazard', printf('f-%012x', i), CASE i % 3 WHEN 0 THEN 'c:community-1:team:team-b' ELSE 'c:community-1' END, ? FROM n`,
      [rows, FILLER],
    );
    return;
  }
  const base = Number((await sql.get<{ seq: number }>('SELECT seq FROM change_counter'))!.seq);
  await sql.run(
    `INSERT INTO changes (seq, entity, entity_id, scope, data)
     SELECT ? + i, 'hazard', 'f-' || lpad(to_hex(i), 12, '0'), CASE i % 3 WHEN 0 THEN 'c:community-1:team:team-b' ELSE 'c:community-1' END, ?
     FROM generate_series(1, ?::bigint) i`,
    [base, FILLER, rows],
  );
  await sql.run('UPDATE change_counter SET seq = ?', [base + rows]);
  await sql.run('ANALYZE changes');
}

interface PullTimes {
  rows: number;
  fillSeconds: number;
  times: number[];
}

async function timePullAt(backend: Dialect, size: number, staticDir: string): Promise<PullTimes> {
  const server = await inProcessServer(backend, staticDir);
  try {
    const { token, member } = await api<{ token: string; member: Parameters<typeof waitingHazards>[0] }>(server.url, '/api/v1/enroll', null, { code: 'DEMO-A-01', deviceName: 'bench' });
    const sql = server.store.sql;
    const started = Date.now();
    const before = Number((await sql.get<{ n: number }>('SELECT count(*) AS n FROM changes'))!.n);
    await fill(sql, size - NEW_CHANGES - before);
    const fillSeconds = (Date.now() - started) / 1000;
    const lastSeq = Number((await sql.get<{ s: number }>('SELECT max(seq) AS s FROM changes'))!.s);
    const mutations = waitingHazards(member, NEW_CHANGES).outbox.map((row) => row.mutation);
    const pushed = await api<{ acked: string[] }>(server.url, '/api/v1/sync/push', token, { mutations });
    if (pushed.acked.length !== NEW_CHANGES) throw new Error(`push acked ${pushed.acked.length} of ${NEW_CHANGES}`);
    const rows = Number((await sql.get<{ n: number }>('SELECT count(*) AS n FROM changes'))!.n);
    const path = `/api/v1/sync/pull?cursor=${encodeCursor(lastSeq)}&limit=${PULL_PAGE_SIZE}`;
    const times: number[] = [];
    for (let i = 0; i < WARMUPS + RUNS; i++) {
      const t0 = performance.now();
      const page = await api<{ changes: unknown[]; hasMore: boolean }>(server.url, path, token);
      const ms = performance.now() - t0;
      if (page.changes.length !== NEW_CHANGES || page.hasMore) throw new Error(`pull returned ${page.changes.length} changes (hasMore ${page.hasMore}), not ${NEW_CHANGES}`);
      if (i >= WARMUPS) times.push(ms);
    }
    return { rows, fillSeconds, times };
  } finally {
    await server.close();
  }
}

const short = (rows: number) => (rows >= 1e6 ? `${Math.round(rows / 1e6)}M` : `${Math.round(rows / 1000)}k`);

export async function pullScalingOn(backend: Dialect, staticDir: string): Promise<Figure[]> {
  const [small, large] = [await timePullAt(backend, SIZES[0], staticDir), await timePullAt(backend, SIZES[1], staticDir)];
  const figure = (at: PullTimes) =>
    measured(
      {
        id: `pull${short(at.rows)}_${backend}`,
        name: `pull 100 changes, ${short(at.rows)} rows, ${backendName(backend)}`,
        unit: 'ms',
        budget: { op: '<=', limit: PULL_MS, on: 'median' },
        note: `pull log of ${at.rows.toLocaleString('en')} rows, filled in ${at.fillSeconds.toFixed(1)} s`,
      },
      at.times,
    );
  const [smallFigure, largeFigure] = [figure(small), figure(large)];
  return [
    smallFigure,
    largeFigure,
    {
      id: `pullRatio_${backend}`,
      name: `pull ratio ${short(large.rows)} / ${short(small.rows)}, ${backendName(backend)}`,
      unit: 'ratio',
      median: largeFigure.median! / smallFigure.median!,
      p95: largeFigure.p95! / smallFigure.p95!,
      runs: [],
      budget: { op: '<=', limit: PULL_RATIO, on: 'median' },
      note: 'ratio of the medians (and of the p95s)',
    },
  ];
}
