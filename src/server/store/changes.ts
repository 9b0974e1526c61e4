// The pull log: one row per entity holding its latest state. Writing an entity again moves it
// to a new, higher seq, so a cursor (the last seq seen) never misses a newer state.
import type Database from 'better-sqlite3';
import { statement } from './statements';
import type { Change } from '../../shared/protocol/sync';

/** 'all' is seen by every member; 'team:<id>' by that team's lead (and admins). */
export type Scope = 'all' | `team:${string}`;

export function writeChange(db: Database.Database, change: Change, scope: Scope): void {
  // REPLACE deletes the older row of this entity and inserts a fresh one with a new seq.
  statement(
    db,
    'INSERT OR REPLACE INTO changes (entity, entity_id, scope, data) VALUES (?, ?, ?, ?)',
  ).run(change.entity, change.id, scope, JSON.stringify(change.data));
}

export interface ChangeRow {
  seq: number;
  entity: string;
  entity_id: string;
  data: string;
}

/**
 * Up to `limit` changes after `afterSeq`, in seq order. `scopes` null means every scope
 * (admins). Each scope is read as its own index range and the results merged, so the rows
 * touched are at most limit per scope, whatever the table size.
 */
export function readChanges(
  db: Database.Database,
  afterSeq: number,
  limit: number,
  scopes: readonly Scope[] | null,
): ChangeRow[] {
  const columns = 'SELECT seq, entity, entity_id, data FROM changes';
  if (scopes === null) {
    return statement<[number, number], ChangeRow>(db, `${columns} WHERE seq > ? ORDER BY seq LIMIT ?`).all(afterSeq, limit);
  }
  const byScope = statement<[string, number, number], ChangeRow>(
    db,
    `${columns} WHERE scope = ? AND seq > ? ORDER BY seq LIMIT ?`,
  );
  return scopes
    .flatMap((scope) => byScope.all(scope, afterSeq, limit))
    .sort((a, b) => a.seq - b.seq)
    .slice(0, limit);
}
