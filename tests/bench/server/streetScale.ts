// The street at scale, on PostgreSQL: 1,000 communities and a 10M-row pull log (a busy community
// with 1M of it, the others ~9,000 each: 100k devices' worth of history), then the pull of 100
// new changes for a device in a quiet community and in the busy one; the street dashboard over
// 50 communities with 200 hazards each in the week; and one community's weekly report of 10,000.
import type { RunningServer } from '../../../src/server/startServer';
import type { Sql } from '../../../src/server/store/sql/sql';
import { encodeCursor } from '../../../src/server/http/cursor';
import { PULL_PAGE_SIZE } from '../../../src/app/sync/pullChanges';
import { lastCompleteWeek, weekRange } from '../../../src/shared/report/isoWeek';
import { waitingHazards } from '../browser/seedOutbox';
import { measured, type Figure } from '../lib/figure';
import { api, inProcessServer } from './backendServers';

const COMMUNITIES = 1_000;
const LOG_ROWS = 10_000_000;
const BUSY_ROWS = 1_000_000;
const RUNS = 20;
const FILLER = '{"id":"filler","description":"archived hazard"}';

async function fillStreet(sql: Sql): Promise<void> {
  await sql.run(
    `INSERT INTO communities (id, street_id, name_zh, name_en)
     SELECT 'bench-' || i, 'street-1', '社区' || i, 'Community ' || i FROM generate_series(4, ?::int) i`,
    [COMMUNITIES],
  );
  const base = Number((await sql.get<{ seq: number }>('SELECT seq FROM change_counter'))!.seq);
  // Row i: the busy community (Jianxinglu) for the first BUSY_ROWS, then round-robin over the rest.
  await sql.run(
    `INSERT INTO changes (seq, entity, entity_id, scope, data)
     SELECT ? + i, 'hazard', 'f-' || i,
            CASE WHEN i <= ? THEN 'c:community-1' WHEN i % ? < 2 THEN 'c:community-2' ELSE 'c:bench-' || (4 + i % (? - 3)) END, ?
     FROM generate_series(1, ?::bigint) i`,
    [base, BUSY_ROWS, COMMUNITIES, COMMUNITIES, FILLER, LOG_ROWS],
  );
  await sql.run('UPDATE change_counter SET seq = ?', [base + LOG_ROWS]);
  await sql.run('ANALYZE changes');
}

async function timePull(server: RunningServer, code: string, compoundId: string): Promise<number[]> {
  const { token, member } = await api<{ token: string; member: Parameters<typeof waitingHazards>[0] }>(server.url, '/api/v1/enroll', null, { code, deviceName: 'bench' });
  const lastSeq = Number((await server.store.sql.get<{ s: number }>('SELECT max(seq) AS s FROM changes'))!.s);
  const pushed = await api<{ acked: string[] }>(server.url, '/api/v1/sync/push', token, { mutations: waitingHazards(member, 100).outbox.map((r) => ({ ...r.mutation, data: { ...r.mutation.data, compoundId } })) });
  if (pushed.acked.length !== 100) throw new Error(`push acked ${pushed.acked.length} of 100`);
  const path = `/api/v1/sync/pull?cursor=${encodeCursor(lastSeq)}&limit=${PULL_PAGE_SIZE}`;
  const times: number[] = [];
  for (let i = 0; i < RUNS + 5; i++) {
    const t0 = performance.now();
    const page = await api<{ changes: Array<{ entity: string }> }>(server.url, path, token);
    if (i >= 5) times.push(performance.now() - t0);
    if (page.changes.filter((c) => c.entity === 'hazard').length !== 100) throw new Error('the pull missed new hazards');
  }
  return times;
}

/** 50 communities × 200 hazards in the last complete week (Jianxinglu holding 10,000 for its report). */
async function fillWeek(sql: Sql): Promise<void> {
  const { from } = weekRange(lastCompleteWeek(new Date(), 'Asia/Shanghai'), 'Asia/Shanghai');
  const hazards = (community: string, n: number, offset: number) =>
    sql.run(
      `INSERT INTO hazards (id, category_id, severity, description, created_at, reporter_id, status, received_at, photo_ids, updated_at, community_id, assigned_company_id, assigned_at, resolved_at)
       SELECT ? || i, 'fire', (ARRAY['low','medium','high','urgent'])[1 + i % 4], 'bench hazard', to_char(to_timestamp((?::bigint + i * 50000) / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
              'm-a-01', CASE WHEN i % 3 = 0 THEN 'resolved' WHEN i % 3 = 1 THEN 'assigned' ELSE 'open' END, 'now', '[]', 'now', ?,
              CASE WHEN i % 3 < 2 THEN 'pc' || (1 + i % 6) END,
              CASE WHEN i % 3 < 2 THEN to_char(to_timestamp((?::bigint + i * 50000 + 3600000) / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') END,
              CASE WHEN i % 3 = 0 THEN to_char(to_timestamp((?::bigint + i * 50000 + 7200000) / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') END
       FROM generate_series(1, ?::int) i`,
      [`h-${community}-${offset}-`, from, community, from, from, n],
    );
  await hazards('community-1', 10_000, 0);
  for (let i = 4; i < 4 + 49; i++) await hazards(`bench-${i}`, 200, 0);
  await sql.run('ANALYZE hazards');
}

export async function streetScaleFigures(staticDir: string): Promise<Figure[]> {
  const server = await inProcessServer('postgres', staticDir);
  try {
    console.log(`  filling ${COMMUNITIES.toLocaleString('en')} communities and a ${LOG_ROWS.toLocaleString('en')}-row pull log…`);
    await fillStreet(server.store.sql);
    const quiet = await timePull(server, 'DEMO-S-01', 'c2-01');
    const busy = await timePull(server, 'DEMO-A-02', 'c01');
    await fillWeek(server.store.sql);
    const street = await api<{ token: string }>(server.url, '/api/v1/enroll', null, { code: 'DEMO-STREET', deviceName: 'bench' });
    const office = await api<{ token: string }>(server.url, '/api/v1/enroll', null, { code: 'DEMO-ADMIN', deviceName: 'bench' });
    const timed = async (path: string, token: string) => {
      const times: number[] = [];
      for (let i = 0; i < 8; i++) {
        const t0 = performance.now();
        await api(server.url, path, token);
        if (i >= 2) times.push(performance.now() - t0);
      }
      return times;
    };
    const dashboard = await timed('/api/v1/street/dashboard', street.token);
    const report = await timed('/api/v1/reports/weekly?format=json', office.token);
    const note = `${COMMUNITIES.toLocaleString('en')} communities, ${LOG_ROWS.toLocaleString('en')} rows in the pull log`;
    return [
      measured({ id: 'streetPullQuiet', name: 'pull 100 changes, quiet community (PostgreSQL)', unit: 'ms', budget: { op: '<=', limit: 20, on: 'median' }, note }, quiet),
      measured({ id: 'streetPullBusy', name: 'pull 100 changes, busy community (PostgreSQL)', unit: 'ms', budget: { op: '<=', limit: 20, on: 'median' }, note: `${BUSY_ROWS.toLocaleString('en')} of the rows are its own` }, busy),
      measured({ id: 'streetDashboard', name: 'street dashboard, 50 communities × 200 hazards (PostgreSQL)', unit: 'ms', budget: null, note: 'plus Jianxinglu with 10,000 that week' }, dashboard),
      measured({ id: 'streetCommunityReport', name: 'one community’s weekly report, 10,000 hazards (PostgreSQL)', unit: 'ms', budget: null, note: 'JSON, among 1,000 communities' }, report),
    ];
  } finally {
    await server.close();
  }
}
