// Reads for GET /api/v1/rounds: the rounds of a period one caller may see, a page at a time,
// with their track batches and scans. Times are compared as instants (julianday), since apps
// send ISO times with different offsets and text order is not time order across offsets.
import type Database from 'better-sqlite3';
import * as z from 'zod/mini';
import { statement } from './statements';
import { findRound } from './rounds';
import { checkpointScanSchema, trackPointSchema, type CheckpointScan, type Round, type TrackBatch } from '../../shared/domain/rounds';

type Db = Database.Database;

/** Who may see which rounds: admins all, a lead the team's, a member the ones they walked. */
export type RoundsVisibility = { kind: 'all' } | { kind: 'team'; teamId: string } | { kind: 'member'; memberId: string };

function where(visibility: RoundsVisibility): { clause: string; params: string[] } {
  const overlap = 'julianday(started_at) < julianday(?) AND (ended_at IS NULL OR julianday(ended_at) >= julianday(?))';
  if (visibility.kind === 'all') return { clause: overlap, params: [] };
  if (visibility.kind === 'team') return { clause: `team_id = ? AND ${overlap}`, params: [visibility.teamId] };
  return { clause: `EXISTS (SELECT 1 FROM json_each(member_ids) WHERE value = ?) AND ${overlap}`, params: [visibility.memberId] };
}

export function countRoundsInRange(db: Db, visibility: RoundsVisibility, from: string, to: string): number {
  const { clause, params } = where(visibility);
  const row = statement<string[], { n: number }>(db, `SELECT count(*) AS n FROM rounds WHERE ${clause}`).get(...params, to, from);
  return row?.n ?? 0;
}

export function roundsInRange(db: Db, visibility: RoundsVisibility, from: string, to: string, offset: number, limit: number): Round[] {
  const { clause, params } = where(visibility);
  const ids = statement<Array<string | number>, { id: string }>(
    db,
    `SELECT id FROM rounds WHERE ${clause} ORDER BY julianday(started_at), id LIMIT ? OFFSET ?`,
  ).all(...params, to, from, limit, offset);
  return ids.map((r) => findRound(db, r.id)).filter((r): r is Round => r !== null);
}

const pointsSchema = z.array(trackPointSchema);

export function trackBatchesOfRound(db: Db, roundId: string): TrackBatch[] {
  return statement<[string], { id: string; points: string }>(db, 'SELECT id, points FROM track_batches WHERE round_id = ? ORDER BY first_at').all(roundId)
    .map((row) => ({ id: row.id, roundId, points: pointsSchema.parse(JSON.parse(row.points)) }));
}

interface ScanRow {
  id: string;
  round_id: string;
  checkpoint_id: string;
  member_id: string;
  team_id: string;
  scanned_at: string;
  lat: number | null;
  lng: number | null;
  accuracy: number | null;
  position_at: string | null;
  method: string;
  far: number;
}

export function scansOfRound(db: Db, roundId: string): CheckpointScan[] {
  return statement<[string], ScanRow>(db, 'SELECT * FROM checkpoint_scans WHERE round_id = ? ORDER BY scanned_at').all(roundId).map((row) =>
    checkpointScanSchema.parse({
      id: row.id,
      roundId: row.round_id,
      checkpointId: row.checkpoint_id,
      memberId: row.member_id,
      teamId: row.team_id,
      scannedAt: row.scanned_at,
      position:
        row.lat === null || row.lng === null || row.position_at === null
          ? null
          : { lat: row.lat, lng: row.lng, accuracy: row.accuracy ?? 0, at: row.position_at },
      method: row.method,
      far: row.far === 1,
    }),
  );
}
