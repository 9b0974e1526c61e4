// Reads for GET /api/v1/rounds: the rounds of a period one caller may see, a page at a time,
// with their track batches and scans. Times are compared as instants, since apps send ISO times
// with different offsets and text order is not time order across offsets.
import * as z from 'zod/mini';
import { findRound } from './rounds';
import { containsText, instant } from './sql/dialect';
import type { Sql } from './sql/sql';
import { checkpointScanSchema, trackPointSchema, type CheckpointScan, type Round, type TrackBatch } from '../../shared/domain/rounds';

/** Who may see which rounds: an office its community's, a lead the team's, a member the ones they walked. */
export type RoundsVisibility = { kind: 'community'; communityId: string } | { kind: 'team'; teamId: string } | { kind: 'member'; memberId: string };

function where(sql: Sql, visibility: RoundsVisibility): { clause: string; params: string[] } {
  const time = (expr: string) => instant(sql.dialect, expr);
  const overlap = `${time('started_at')} < ${time('?')} AND (ended_at IS NULL OR ${time('ended_at')} >= ${time('?')})`;
  if (visibility.kind === 'community') return { clause: `community_id = ? AND ${overlap}`, params: [visibility.communityId] };
  if (visibility.kind === 'team') return { clause: `team_id = ? AND ${overlap}`, params: [visibility.teamId] };
  // member_ids is a JSON array of ids: the quoted id appears in it exactly when the member walked.
  return { clause: `${containsText(sql.dialect, 'member_ids')} AND ${overlap}`, params: [JSON.stringify(visibility.memberId)] };
}

export async function countRoundsInRange(sql: Sql, visibility: RoundsVisibility, from: string, to: string): Promise<number> {
  const { clause, params } = where(sql, visibility);
  const row = await sql.get<{ n: number }>(`SELECT count(*) AS n FROM rounds WHERE ${clause}`, [...params, to, from]);
  return Number(row?.n ?? 0);
}

export async function roundsInRange(sql: Sql, visibility: RoundsVisibility, from: string, to: string, offset: number, limit: number): Promise<Round[]> {
  const { clause, params } = where(sql, visibility);
  const ids = await sql.all<{ id: string }>(`SELECT id FROM rounds WHERE ${clause} ORDER BY ${instant(sql.dialect, 'started_at')}, id LIMIT ? OFFSET ?`, [
    ...params,
    to,
    from,
    limit,
    offset,
  ]);
  const rounds = await Promise.all(ids.map((r) => findRound(sql, r.id)));
  return rounds.filter((r): r is Round => r !== null);
}

const pointsSchema = z.array(trackPointSchema);

export async function trackBatchesOfRound(sql: Sql, roundId: string): Promise<TrackBatch[]> {
  return (await sql.all<{ id: string; points: string }>('SELECT id, points FROM track_batches WHERE round_id = ? ORDER BY first_at', [roundId]))
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

export async function scansOfRound(sql: Sql, roundId: string): Promise<CheckpointScan[]> {
  return (await sql.all<ScanRow>('SELECT * FROM checkpoint_scans WHERE round_id = ? ORDER BY scanned_at', [roundId])).map((row) =>
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
