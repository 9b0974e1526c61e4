// "Nothing changed": a snapshot of every table (row count and a SHA-256 of all rows in rowid
// order) taken before and after a probe. One column is left out on purpose: devices.last_seen_at,
// which a successful authentication refreshes (at most once a minute) — bookkeeping of the
// caller's own device, not something a probe can steer. Everything else must be identical.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import * as z from 'zod/mini';

export const VOLATILE_COLUMNS: Readonly<Record<string, readonly string[]>> = { devices: ['last_seen_at'] };

export type DbSnapshot = Record<string, { rows: number; sha256: string }>;

const names = z.array(z.string());
const tableInfo = z.array(z.object({ name: z.string() }));

export function snapshot(db: Database.Database): DbSnapshot {
  const tables = names.parse(
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all(),
  );
  const result: DbSnapshot = {};
  for (const table of tables) {
    const skip = VOLATILE_COLUMNS[table] ?? [];
    const columns = tableInfo
      .parse(db.pragma(`table_info("${table}")`))
      .map((c) => c.name)
      .filter((c) => !skip.includes(c));
    const rows = db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY rowid`).raw().all();
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
