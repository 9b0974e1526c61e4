// Checkpoints at compound gates and the scans made of them. Checkpoints are published to every
// member (the app checks a typed code offline); scans only to the round's team lead and admins.
import type { Sql, Tx } from './sql/sql';
import { communityScope, teamScope } from './scopes';
import { checkpointSchema, type Checkpoint, type CheckpointScan } from '../../shared/domain/rounds';

interface CheckpointRow {
  id: string;
  compound_id: string;
  name_zh: string;
  name_en: string;
  lat: number;
  lng: number;
  code: string;
}

/** A checkpoint of the community (another community's is as unknown as a missing one). */
export async function findCheckpoint(sql: Sql, id: string, communityId: string): Promise<Checkpoint | null> {
  const row = await sql.get<CheckpointRow>('SELECT id, compound_id, name_zh, name_en, lat, lng, code FROM checkpoints WHERE id = ? AND community_id = ?', [id, communityId]);
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
export async function insertCheckpointIfMissing(tx: Tx, checkpoint: Checkpoint, communityId: string): Promise<boolean> {
  const changes = await tx.run(
    `INSERT INTO checkpoints (id, compound_id, name_zh, name_en, lat, lng, code, community_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    [checkpoint.id, checkpoint.compoundId, checkpoint.name.zh, checkpoint.name.en, checkpoint.lat, checkpoint.lng, checkpoint.code, communityId],
  );
  if (changes === 0) return false;
  tx.publish({ entity: 'checkpoint', op: 'put', id: checkpoint.id, data: checkpoint }, communityScope(communityId));
  return true;
}

export async function checkpointScanExists(sql: Sql, id: string): Promise<boolean> {
  return (await sql.get('SELECT 1 FROM checkpoint_scans WHERE id = ?', [id])) !== undefined;
}

/** `communityId`: the scan's round's community, whose team lead (and office) pulls it. */
export async function insertCheckpointScan(tx: Tx, scan: CheckpointScan, receivedAt: string, communityId: string): Promise<void> {
  await tx.run(
    `INSERT INTO checkpoint_scans (id, round_id, checkpoint_id, member_id, team_id, scanned_at,
       lat, lng, accuracy, position_at, method, far, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
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
    ],
  );
  tx.publish({ entity: 'checkpointScan', op: 'put', id: scan.id, data: scan }, teamScope(communityId, scan.teamId));
}
