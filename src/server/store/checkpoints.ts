// Checkpoints at compound gates and the scans made of them. Checkpoints are published to every
// member (the app checks a typed code offline); scans only to the round's team lead and admins.
import type Database from 'better-sqlite3';
import { statement } from './statements';
import { writeChange } from './changes';
import { teamScope } from './rounds';
import { checkpointSchema, type Checkpoint, type CheckpointScan } from '../../shared/domain/rounds';

type Db = Database.Database;

interface CheckpointRow {
  id: string;
  compound_id: string;
  name_zh: string;
  name_en: string;
  lat: number;
  lng: number;
  code: string;
}

export function findCheckpoint(db: Db, id: string): Checkpoint | null {
  const row = statement<[string], CheckpointRow>(
    db,
    'SELECT id, compound_id, name_zh, name_en, lat, lng, code FROM checkpoints WHERE id = ?',
  ).get(id);
  if (!row) return null;
  return checkpointSchema.parse({
    id: row.id,
    compoundId: row.compound_id,
    name: { zh: row.name_zh, en: row.name_en },
    lat: row.lat,
    lng: row.lng,
    code: row.code,
  });
}

/** Writes the checkpoint unless one with its id exists: a seed run again changes nothing. */
export function insertCheckpointIfMissing(db: Db, checkpoint: Checkpoint): boolean {
  const result = statement(
    db,
    `INSERT INTO checkpoints (id, compound_id, name_zh, name_en, lat, lng, code)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  ).run(checkpoint.id, checkpoint.compoundId, checkpoint.name.zh, checkpoint.name.en, checkpoint.lat, checkpoint.lng, checkpoint.code);
  if (result.changes === 0) return false;
  writeChange(db, { entity: 'checkpoint', op: 'put', id: checkpoint.id, data: checkpoint }, 'all');
  return true;
}

export function checkpointScanExists(db: Db, id: string): boolean {
  return statement(db, 'SELECT 1 FROM checkpoint_scans WHERE id = ?').get(id) !== undefined;
}

export function insertCheckpointScan(db: Db, scan: CheckpointScan, receivedAt: string): void {
  statement(
    db,
    `INSERT INTO checkpoint_scans (id, round_id, checkpoint_id, member_id, team_id, scanned_at,
       lat, lng, accuracy, position_at, method, far, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    scan.id,
    scan.roundId,
    scan.checkpointId,
    scan.memberId,
    scan.teamId,
    scan.scannedAt,
    scan.position?.lat ?? null,
    scan.position?.lng ?? null,
    scan.position?.accuracy ?? null,
    scan.position?.at ?? null,
    scan.method,
    scan.far ? 1 : 0,
    receivedAt,
  );
  writeChange(db, { entity: 'checkpointScan', op: 'put', id: scan.id, data: scan }, teamScope(scan.teamId));
}
