// The pull log: one row per entity holding its latest state. Writing an entity again moves it to
// a new, higher seq, so a cursor (the last seq seen) never misses a newer state. Changes are
// written by the executor at commit (Tx.publish), in an order both backends keep commit-safe.
import type { Scope, Sql } from './sql/sql';

export type { Scope } from './sql/sql';

export interface ChangeRow {
  seq: number;
  entity: string;
  entity_id: string;
  data: string;
}

const COLUMNS = 'SELECT seq, entity, entity_id, data FROM changes';

/**
 * Up to `limit` changes after `afterSeq`, in seq order. `scopes` null means every scope
 * (admins). Each scope is read as its own index range and the results merged, so the rows
 * touched are at most limit per scope, whatever the table size.
 */
export async function readChanges(sql: Sql, afterSeq: number, limit: number, scopes: readonly Scope[] | null): Promise<ChangeRow[]> {
  if (scopes === null) return sql.all<ChangeRow>(`${COLUMNS} WHERE seq > ? ORDER BY seq LIMIT ?`, [afterSeq, limit]);
  const pages = await Promise.all(scopes.map((scope) => sql.all<ChangeRow>(`${COLUMNS} WHERE scope = ? AND seq > ? ORDER BY seq LIMIT ?`, [scope, afterSeq, limit])));
  return pages
    .flat()
    .sort((a, b) => a.seq - b.seq)
    .slice(0, limit);
}

/** Grows with every change to the pull log: a cached report older than it may be stale. */
export async function dataVersion(sql: Sql): Promise<number> {
  return Number((await sql.get<{ n: number }>('SELECT COALESCE(MAX(seq), 0) AS n FROM changes'))?.n ?? 0);
}
