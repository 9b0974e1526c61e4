// "Nothing changed": a snapshot of every table (row count and a SHA-256 of all its rows) taken
// before and after a probe, on either backend. One column is left out on purpose:
// devices.last_seen_at, which a successful authentication refreshes (at most once a minute) —
// bookkeeping of the caller's own device, not something a probe can steer. Also left out are the
// counters that number rows (SQLite's sqlite_sequence, PostgreSQL's change_counter): they move
// only with the rows they number, which the snapshot already covers, and only one backend has
// each. Everything else must be identical.
import { createHash } from 'node:crypto';
import type { Sql } from '../../../src/server/store/sql/sql';

export const VOLATILE_COLUMNS: Readonly<Record<string, readonly string[]>> = { devices: ['last_seen_at'] };
const COUNTERS = new Set(['sqlite_sequence', 'change_counter']);

export type DbSnapshot = Record<string, { rows: number; sha256: string }>;

// Partitions of a partitioned PostgreSQL table are read through their parent.
const TABLES = {
  sqlite: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
  postgres:
    "SELECT relname AS name FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind IN ('r', 'p') AND NOT relispartition ORDER BY relname",
} as const;
const COLUMNS = {
  sqlite: 'SELECT name FROM pragma_table_info(?) ORDER BY cid',
  postgres: 'SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position',
} as const;

/** Every row of every table (volatile columns and counters left out), each row as its JSON, sorted. */
export async function tableRows(sql: Sql): Promise<Record<string, string[]>> {
  const tables = (await sql.all<{ name: string }>(TABLES[sql.dialect])).map((t) => t.name).filter((t) => !COUNTERS.has(t));
  const result: Record<string, string[]> = {};
  for (const table of tables) {
    const skip = VOLATILE_COLUMNS[table] ?? [];
    const columns = (await sql.all<{ name: string }>(COLUMNS[sql.dialect], [table])).map((c) => c.name).filter((c) => !skip.includes(c));
    const rows = await sql.all<Record<string, unknown>>(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}"`);
    // Sorted, not in storage order: PostgreSQL has no rowid, and order is not content.
    result[table] = rows.map((row) => JSON.stringify(columns.map((c) => row[c]))).sort();
  }
  return result;
}

export async function snapshot(sql: Sql): Promise<DbSnapshot> {
  const result: DbSnapshot = {};
  for (const [table, rows] of Object.entries(await tableRows(sql))) {
    result[table] = { rows: rows.length, sha256: createHash('sha256').update(JSON.stringify(rows)).digest('hex') };
  }
  return result;
}

/** Tables that differ between two snapshots, with their change in row count. */
export function changedTables(before: DbSnapshot, after: DbSnapshot): Record<string, number> {
  const changed: Record<string, number> = {};
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[table];
    const b = after[table];
    if (a?.sha256 !== b?.sha256) changed[table] = (b?.rows ?? 0) - (a?.rows ?? 0);
  }
  return changed;
}
