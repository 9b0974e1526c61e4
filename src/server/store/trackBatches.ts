// Track batches as stored: the points exactly as the app sent them, one row per batch, so a
// retried batch is found by its id and never doubles the track.
import type { Sql, Tx } from './sql/sql';
import { teamScope } from './scopes';
import type { TrackBatch } from '../../shared/domain/rounds';

/** The round a stored batch belongs to, or null when the batch is new. */
export async function trackBatchRound(sql: Sql, id: string): Promise<string | null> {
  const row = await sql.get<{ round_id: string }>('SELECT round_id FROM track_batches WHERE id = ?', [id]);
  return row ? row.round_id : null;
}

/** `of`: the round's community and team, whose lead (and office) pulls the batch. */
export async function insertTrackBatch(tx: Tx, batch: TrackBatch, of: { communityId: string; teamId: string }, receivedAt: string): Promise<void> {
  const times = batch.points.map((p) => p.at);
  await tx.run(
    `INSERT INTO track_batches (id, round_id, points, point_count, first_at, last_at, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [batch.id, batch.roundId, JSON.stringify(batch.points), batch.points.length, Math.min(...times), Math.max(...times), receivedAt],
  );
  tx.publish( { entity: 'trackBatch', op: 'put', id: batch.id, data: batch }, teamScope(of.communityId, of.teamId));
}
