// Track points on PostgreSQL are partitioned by month: partitions are made ahead, a report's read
// of one round's points touches only the months it can reach, and `npm run archive` dumps and
// drops months past the retention setting, leaving a file pg_restore reads back.
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { ensureTrackPartitions, monthPartition } from '../../../src/server/store/postgres/partitions';
import { freshPool } from './pgStore';
import { schemaUrl } from '../helpers/backend';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../..', import.meta.url));
let pool: pg.Pool | undefined;
afterAll(() => pool?.end());

async function plantBatch(p: pg.Pool, id: string, atMs: number): Promise<void> {
  await p.query("INSERT INTO teams VALUES ('team-a', 'A', 'A') ON CONFLICT DO NOTHING");
  await p.query("INSERT INTO members (id, name, team_id, role) VALUES ('m-1', 'M', 'team-a', 'member') ON CONFLICT DO NOTHING");
  await p.query("INSERT INTO rounds VALUES ($1, 'team-a', 'm-1', '[\"m-1\"]', $2, NULL, NULL, 0, $2)", [`r-${id}`, new Date(atMs).toISOString()]);
  await p.query("INSERT INTO track_batches VALUES ($1, $2, '[]', 0, $3, $3, 'now')", [id, `r-${id}`, atMs]);
}

const partitionOf = async (p: pg.Pool, id: string) =>
  (await p.query<{ t: string }>('SELECT tableoid::regclass::text AS t FROM track_batches WHERE id = $1', [id])).rows[0]?.t;

describe('track partitions on PostgreSQL', () => {
  it('are made for this month and the next two, and hold each batch in its month', async () => {
    ({ pool } = await freshPool());
    const now = new Date(Date.UTC(2026, 11, 15));
    const made = await ensureTrackPartitions(pool, now);
    expect(made).toEqual(['track_batches_2026_12', 'track_batches_2027_01', 'track_batches_2027_02']);
    expect(await ensureTrackPartitions(pool, now)).toEqual([]);
    await plantBatch(pool, 'b-dec', Date.UTC(2026, 11, 20));
    await plantBatch(pool, 'b-old', Date.UTC(2025, 0, 5));
    expect(await partitionOf(pool, 'b-dec')).toBe('track_batches_2026_12');
    expect(await partitionOf(pool, 'b-old')).toBe('track_batches_default');
  });

  it("read only the months a round's points can reach when a report reads them", async () => {
    const start = Date.UTC(2027, 0, 15);
    const { rows } = await pool!.query<{ 'QUERY PLAN': string }>(
      'EXPLAIN SELECT points FROM track_batches WHERE round_id = $1 AND first_at >= $2 AND first_at <= $3 ORDER BY first_at',
      ['r-x', start - 86_400_000, start + 86_400_000],
    );
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(plan).toContain('track_batches_2027_01');
    expect(plan).not.toContain('track_batches_2026_12');
    expect(plan).not.toContain('track_batches_2027_02');
    expect(plan).not.toContain('track_batches_default');
  });

  it('archive months past the retention into pg_dump files, and keep the rest', async () => {
    const p = pool!;
    const old = monthPartition(2025, 2);
    await p.query(`CREATE TABLE ${old.name} PARTITION OF track_batches FOR VALUES FROM (${old.fromMs}) TO (${old.toMs})`);
    await plantBatch(p, 'b-march', Date.UTC(2025, 2, 10));
    const dir = mkdtempSync(join(tmpdir(), 'patrol-archive-'));
    const schema = (await p.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s;
    const { stdout } = await run('npx', ['tsx', 'src/server/bin/archive.ts', dir, '--keep-months', '13'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: schemaUrl(schema) },
    });
    expect(stdout).toContain(`Archived ${old.name}: 1 track batches`);
    expect(await partitionOf(p, 'b-march')).toBeUndefined();
    expect(await partitionOf(p, 'b-dec')).toBe('track_batches_2026_12');
    // The dump restores as a table of its own, with the batch in it.
    const { stdout: listing } = await run('pg_restore', ['--list', join(dir, `${schema}.${old.name}.dump`)]);
    expect(listing).toContain(`TABLE ${schema} ${old.name}`);
  });
});
