// Track batches as stored: the points exactly as the app sent them, one row per batch, so a
// retried batch is found by its id and never doubles the track.
import type Database from 'better-sqlite3';
import { statement } from './statements';
import { writeChange } from './changes';
import { teamScope } from './rounds';
import type { TrackBatch } from '../../shared/domain/rounds';

type Db = Database.Database;

/** The round a stored batch belongs to, or null when the batch is new. */
export function trackBatchRound(db: Db, id: string): string | null {
  const row = statement<[string], { round_id: string }>(db, 'SELECT round_id FROM track_batches WHERE id = ?').get(id);
  return row ? row.round_id : null;
}

export function insertTrackBatch(db: Db, batch: TrackBatch, teamId: string, receivedAt: string): void {
  const times = batch.points.map((p) => p.at);
  statement(
    db,
    `INSERT INTO track_batches (id, round_id, points, point_count, first_at, last_at, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(batch.id, batch.roundId, JSON.stringify(batch.points), batch.points.length, Math.min(...times), Math.max(...times), receivedAt);
  writeChange(db, { entity: 'trackBatch', op: 'put', id: batch.id, data: batch }, teamScope(teamId));
}
