// Track batches on PostgreSQL are partitioned by the month of their first point (UTC). Each start
// and each day, this month's and the next two months' partitions are made ahead of the points;
// a batch outside them (a phone months late) lands in the default partition. `npm run archive`
// detaches and dumps months past the retention setting (bin/archiveTracks.ts).
import type pg from 'pg';

const AHEAD_MONTHS = 2;

export interface MonthPartition {
  name: string;
  fromMs: number;
  toMs: number;
}

export function monthPartition(year: number, month: number): MonthPartition {
  const fromMs = Date.UTC(year, month, 1);
  const toMs = Date.UTC(year, month + 1, 1);
  const start = new Date(fromMs);
  const name = `track_batches_${start.getUTCFullYear()}_${String(start.getUTCMonth() + 1).padStart(2, '0')}`;
  return { name, fromMs, toMs };
}

export async function ensureTrackPartitions(pool: pg.Pool, now: Date): Promise<string[]> {
  const made: string[] = [];
  for (let ahead = 0; ahead <= AHEAD_MONTHS; ahead++) {
    const part = monthPartition(now.getUTCFullYear(), now.getUTCMonth() + ahead);
    const { rowCount } = await pool.query('SELECT 1 FROM pg_class WHERE relname = $1 AND relnamespace = current_schema()::regnamespace', [part.name]);
    if (rowCount) continue;
    try {
      await pool.query(`CREATE TABLE IF NOT EXISTS ${part.name} PARTITION OF track_batches FOR VALUES FROM (${part.fromMs}) TO (${part.toMs})`);
      made.push(part.name);
    } catch (error) {
      // Rows for that month already sit in the default partition: they stay there.
      console.error(`track partition ${part.name} not made: ${(error as Error).message}`);
    }
  }
  return made;
}
