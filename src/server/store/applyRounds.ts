// The round mutations, applied inside applyPush's transaction (nothing here may await). Who may
// do what is decided from the pusher's token and the stored round, never from the body: a member
// starts rounds only for their own team and with themselves among its members, and only the
// round's members add to it. The team, member and `far` of what is stored are the server's word.
import type Database from 'better-sqlite3';
import type {
  CheckpointScanMutation,
  RoundEndMutation,
  RoundStartMutation,
  TrackAppendMutation,
} from '../../shared/protocol/sync';
import type { Round } from '../../shared/domain/rounds';
import { haversineMetres } from '../../shared/tracks/haversine';
import type { Pusher, Refusal } from './applyPush';
import { endRound, findRound, insertRound, notActiveInTeam } from './rounds';
import { insertTrackBatch, trackBatchRound } from './trackBatches';
import { checkpointScanExists, findCheckpoint, insertCheckpointScan } from './checkpoints';
import { pointsAfterRoundRefusal } from './saneTimes';

type Db = Database.Database;

/** A scan further than this from its checkpoint is stored, flagged "far from checkpoint". */
export const FAR_FROM_CHECKPOINT_M = 100;

const forbidden = (message: string): Refusal => ({ code: 'forbidden', message });
const invalid = (message: string): Refusal => ({ code: 'invalid', message });
const conflict = (message: string): Refusal => ({ code: 'conflict', message });
const quote = (s: string) => JSON.stringify(s);

/** The round a mutation adds to, if it exists and the pusher walks it. */
function roundOfMember(db: Db, roundId: string, by: Pusher): Round | Refusal {
  const round = findRound(db, roundId);
  if (!round) return invalid(`unknown roundId ${quote(roundId)}: push its round.start first`);
  if (!round.memberIds.includes(by.memberId)) return forbidden(`you are not a member of round ${quote(roundId)}`);
  return round;
}

const isRefusal = (value: Round | Refusal): value is Refusal => 'code' in value;

export function applyRoundStart(db: Db, m: RoundStartMutation, by: Pusher, now: string): Refusal | null {
  const start = m.data;
  if (!start.memberIds.includes(by.memberId)) return forbidden('you must be one of the round’s members');
  if (by.teamId !== start.teamId) {
    return forbidden(`you may start rounds only for your own team, not ${quote(start.teamId)}`);
  }
  if (new Set(start.memberIds).size !== start.memberIds.length) return invalid('memberIds names a member twice');
  const existing = findRound(db, start.id);
  // The same round sent again (e.g. a re-created outbox) changes nothing.
  if (existing) return existing.teamId === start.teamId ? null : conflict(`round ${quote(start.id)} exists for another team`);
  const strangers = notActiveInTeam(db, start.memberIds, start.teamId);
  if (strangers.length > 0) {
    return forbidden(`not active members of team ${quote(start.teamId)}: ${strangers.map(quote).join(', ')}`);
  }
  insertRound(db, { ...start, startedBy: by.memberId, endedAt: null, note: null, autoClosed: false }, now);
  return null;
}

export function applyRoundEnd(db: Db, m: RoundEndMutation, by: Pusher): Refusal | null {
  const end = m.data;
  const round = findRound(db, end.roundId);
  if (!round) return invalid(`unknown roundId ${quote(end.roundId)}`);
  const leadOfTeam = by.role === 'lead' && by.teamId === round.teamId;
  if (!round.memberIds.includes(by.memberId) && !leadOfTeam) {
    return forbidden(`only the round’s members or its team lead may end round ${quote(round.id)}`);
  }
  if (Date.parse(end.endedAt) < Date.parse(round.startedAt)) {
    return invalid(`endedAt ${end.endedAt} is before the round started (${round.startedAt})`);
  }
  if (round.endedAt !== null) {
    // A round ends once. The same end again is a retry; a different one must not overwrite it.
    const same =
      Date.parse(round.endedAt) === Date.parse(end.endedAt) && round.note === end.note && round.autoClosed === end.autoClosed;
    return same ? null : conflict(`round ${quote(round.id)} was already ended at ${round.endedAt}`);
  }
  endRound(db, { ...round, endedAt: end.endedAt, note: end.note, autoClosed: end.autoClosed });
  return null;
}

export function applyTrackAppend(db: Db, m: TrackAppendMutation, by: Pusher, now: string): Refusal | null {
  const batch = m.data;
  const round = roundOfMember(db, batch.roundId, by);
  if (isRefusal(round)) return round;
  const late = pointsAfterRoundRefusal(batch.points, round.startedAt);
  if (late) return late;
  const storedIn = trackBatchRound(db, batch.id);
  if (storedIn !== null) {
    return storedIn === batch.roundId ? null : conflict(`track batch ${quote(batch.id)} belongs to another round`);
  }
  insertTrackBatch(db, batch, round.teamId, now);
  return null;
}

export function applyCheckpointScan(db: Db, m: CheckpointScanMutation, by: Pusher, now: string): Refusal | null {
  const draft = m.data;
  const round = roundOfMember(db, draft.roundId, by);
  if (isRefusal(round)) return round;
  const checkpoint = findCheckpoint(db, draft.checkpointId);
  if (!checkpoint) return invalid(`unknown checkpointId ${quote(draft.checkpointId)}`);
  if (checkpointScanExists(db, draft.id)) return null;
  // Without a position there is nothing to measure: the scan is stored and not flagged.
  const far = draft.position !== null && haversineMetres(draft.position, checkpoint) > FAR_FROM_CHECKPOINT_M;
  insertCheckpointScan(db, { ...draft, memberId: by.memberId, teamId: round.teamId, far }, now);
  return null;
}
