// Every write of a round, each in one transaction with the outbox mutation that delivers it:
// start, a kept fix, a batch of fixes, a checkpoint scan, the end.
import type { LocalRound, PatrolDb, StoredTrackPoint } from '../../db/db';
import { setMeta, type Session } from '../../db/meta';
import { newMutation, queueMutation } from '../../db/queueMutation';
import { MAX_POINTS_PER_BATCH, type Checkpoint, type TrackPoint } from '../../../shared/domain/rounds';
import type { Position } from '../../../shared/domain/schemas';
import { haversineMetres } from '../../../shared/tracks/haversine';
import { newId } from '../../../shared/ids';
import { lastActivityAt, ROUND_MAX_OPEN_MS } from './openRound';

/** A scan further than this from its checkpoint is flagged (and still stored). */
export const FAR_FROM_CHECKPOINT_M = 100;

export async function startRound(db: PatrolDb, session: Session, memberIds: string[], now = new Date()): Promise<LocalRound> {
  const teamId = session.member.teamId;
  if (!teamId) throw new Error('only a team member can start a round');
  const members = [session.member.id, ...memberIds.filter((id) => id !== session.member.id)];
  const start = { id: newId(), teamId, memberIds: members, startedAt: now.toISOString() };
  const round: LocalRound = { ...start, startedBy: session.member.id, endedAt: null, note: null, autoClosed: false };
  await db.transaction('rw', db.rounds, db.outbox, db.meta, async () => {
    await db.rounds.add(round);
    await queueMutation(db, newMutation('round.start', start, now), round.id, now);
    await setMeta(db, 'roundOnThisPhone', round.id);
  });
  return round;
}

/** A kept fix is durable at once; it travels later, in a batch. */
export async function recordPoint(db: PatrolDb, roundId: string, point: TrackPoint): Promise<void> {
  await db.trackPoints.add({ ...point, roundId, batchId: '' });
}

/** Moves the round's unsent points into batches (≤ 500 points each) and queues them. */
export async function flushTrack(db: PatrolDb, roundId: string, now = new Date()): Promise<number> {
  return db.transaction('rw', db.trackPoints, db.trackBatches, db.outbox, async () => {
    const unsent = await db.trackPoints.where('[roundId+batchId]').equals([roundId, '']).sortBy('at');
    for (let from = 0; from < unsent.length; from += MAX_POINTS_PER_BATCH) {
      const rows = unsent.slice(from, from + MAX_POINTS_PER_BATCH);
      const batch = { id: newId(), roundId, points: rows.map(toTrackPoint) };
      await db.trackBatches.add(batch);
      await db.trackPoints.bulkUpdate(rows.map((row) => ({ key: row.seq!, changes: { batchId: batch.id } })));
      await queueMutation(db, newMutation('track.append', batch, now), roundId, now);
    }
    return unsent.length;
  });
}

function toTrackPoint({ at, lat, lng, accuracy, segment, suspect }: StoredTrackPoint): TrackPoint {
  return suspect ? { at, lat, lng, accuracy, segment, suspect } : { at, lat, lng, accuracy, segment };
}

export async function endRound(
  db: PatrolDb,
  round: LocalRound,
  options: { note: string | null; endedAt: Date; autoClosed: boolean },
  now = new Date(),
): Promise<void> {
  await flushTrack(db, round.id, now);
  const end = { roundId: round.id, endedAt: options.endedAt.toISOString(), note: options.note, autoClosed: options.autoClosed };
  await db.transaction('rw', db.rounds, db.outbox, db.meta, async () => {
    await db.rounds.update(round.id, { endedAt: end.endedAt, note: end.note, autoClosed: end.autoClosed });
    await queueMutation(db, newMutation('round.end', end, now), round.id, now);
    // The raw row, not getMeta: its parser loads lazily, and an await outside IndexedDB would end the transaction.
    if ((await db.meta.get('roundOnThisPhone'))?.value === round.id) await db.meta.delete('roundOnThisPhone');
  });
}

export async function recordScan(
  db: PatrolDb,
  session: Session,
  round: LocalRound,
  checkpoint: Checkpoint,
  position: Position | null,
  method: 'camera' | 'manual',
  now = new Date(),
): Promise<{ far: boolean; distanceM: number | null }> {
  const draft = { id: newId(), roundId: round.id, checkpointId: checkpoint.id, scannedAt: now.toISOString(), position, method };
  const distanceM = position === null ? null : haversineMetres(position, checkpoint);
  const far = distanceM !== null && distanceM > FAR_FROM_CHECKPOINT_M;
  await db.transaction('rw', db.checkpointScans, db.outbox, async () => {
    await db.checkpointScans.add({ ...draft, memberId: session.member.id, teamId: round.teamId, far });
    await queueMutation(db, newMutation('checkpoint.scan', draft, now), round.id, now);
  });
  return { far, distanceM };
}

/** Closes a round left open over ROUND_MAX_OPEN_MS at its last fix; true when it did. */
export async function closeIfStale(db: PatrolDb, round: LocalRound, now = new Date()): Promise<boolean> {
  const lastActivity = await lastActivityAt(db, round);
  if (now.getTime() - lastActivity <= ROUND_MAX_OPEN_MS) return false;
  await endRound(db, round, { note: null, endedAt: new Date(lastActivity), autoClosed: true }, now);
  return true;
}
