// Archiving old track points on PostgreSQL: each month partition of track_batches wholly before
// the retention cutoff is detached, dumped with pg_dump (custom format, restorable with
// pg_restore), checked, and dropped. A month whose dump fails is attached again, so no point is
// ever lost to a failed archive. Rounds, hazards and scans stay; only their track points leave.
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type pg from 'pg';

const run = promisify(execFile);

export interface ArchivedMonth {
  partition: string;
  file: string;
  bytes: number;
  batches: number;
}

interface PartitionRow {
  name: string;
  bound: string;
}

/** Month partitions of track_batches in this schema, with their bounds (ms since the epoch). */
async function monthPartitions(pool: pg.Pool): Promise<Array<{ name: string; fromMs: number; toMs: number }>> {
  const { rows } = await pool.query<PartitionRow>(
    `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
       FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
      WHERE p.relname = 'track_batches' AND p.relnamespace = current_schema()::regnamespace`,
  );
  return rows.flatMap((r) => {
    const match = /FROM \('?(-?\d+)'?\) TO \('?(-?\d+)'?\)/.exec(r.bound);
    return match ? [{ name: r.name, fromMs: Number(match[1]), toMs: Number(match[2]) }] : [];
  });
}

/** Archives every month partition that ends at or before `cutoffMs`, into `dir`. */
export async function archiveTrackMonths(pool: pg.Pool, databaseUrl: string, dir: string, cutoffMs: number): Promise<ArchivedMonth[]> {
  const schema = (await pool.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s;
  const archived: ArchivedMonth[] = [];
  for (const part of (await monthPartitions(pool)).filter((p) => p.toMs <= cutoffMs).sort((x, y) => x.fromMs - y.fromMs)) {
    const batches = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${part.name}`)).rows[0]!.n;
    await pool.query(`ALTER TABLE track_batches DETACH PARTITION ${part.name}`);
    const file = join(dir, `${schema}.${part.name}.dump`);
    try {
      await run('pg_dump', ['--format=custom', `--table=${schema}.${part.name}`, `--file=${file}`, `--dbname=${databaseUrl}`]);
      const bytes = statSync(file).size;
      if (bytes === 0) throw new Error(`pg_dump wrote an empty ${file}`);
      await pool.query(`DROP TABLE ${part.name}`);
      archived.push({ partition: part.name, file, bytes, batches });
    } catch (error) {
      await pool.query(`ALTER TABLE track_batches ATTACH PARTITION ${part.name} FOR VALUES FROM (${part.fromMs}) TO (${part.toMs})`);
      throw error;
    }
  }
  return archived;
}
