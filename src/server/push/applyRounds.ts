// The round mutations, applied inside applyPush's transaction. Who may
// do what is decided from the pusher's token and the stored round, never from the body: a member
// starts rounds only for their own team and with themselves among its members, and only the
// round's members add to it. The team, member and `far` of what is stored are the server's word.
import type {
  CheckpointScanMutation,
  RoundEndMutation,
  RoundStartMutation,
  TrackAppendMutation,
} from '../../shared/protocol/sync';
import { haversineMetres } from '../../shared/tracks/haversine';
import type { Caller } from '../auth/caller';
import type { Tx } from '../store/sql/sql';
import { endRound, findRound, findStoredRound, insertRound, notActiveInTeam, type StoredRound } from '../store/rounds';
import { insertTrackBatch, trackBatchRound } from '../store/trackBatches';
import { checkpointScanExists, findCheckpoint, insertCheckpointScan } from '../store/checkpoints';
import { pointsOutsideRoundRefusal } from './saneTimes';
import { conflict, forbidden, invalid, quote, type Refusal } from './refusal';

/** A scan further than this from its checkpoint is stored, flagged "far from checkpoint". */
export const FAR_FROM_CHECKPOINT_M = 100;

/** The round a mutation adds to, if it exists and the pusher walks it. */
async function roundOfMember(tx: Tx, roundId: string, by: Caller): Promise<StoredRound | Refusal> {
  const stored = await findStoredRound(tx, roundId);
  if (!stored) return invalid(`unknown roundId ${quote(roundId)}: push its round.start first`);
  if (!stored.round.memberIds.includes(by.memberId)) return forbidden(`you are not a member of round ${quote(roundId)}`);
  return stored;
}

const isRefusal = (value: StoredRound | Refusal): value is Refusal => 'code' in value;

export async function applyRoundStart(tx: Tx, m: RoundStartMutation, by: Caller, now: string): Promise<Refusal | null> {
  const start = m.data;
  if (!start.memberIds.includes(by.memberId)) return forbidden('you must be one of the round’s members');
  if (by.teamId !== start.teamId) {
    return forbidden(`you may start rounds only for your own team, not ${quote(start.teamId)}`);
  }
  if (new Set(start.memberIds).size !== start.memberIds.length) return invalid('memberIds names a member twice');
  const existing = await findRound(tx, start.id);
  // The same round sent again (e.g. a re-created outbox) changes nothing.
  if (existing) return existing.teamId === start.teamId ? null : conflict(`round ${quote(start.id)} exists for another team`);
  const strangers = await notActiveInTeam(tx, start.memberIds, start.teamId);
  if (strangers.length > 0) {
    return forbidden(`not active members of team ${quote(start.teamId)}: ${strangers.map(quote).join(', ')}`);
  }
  // A team belongs to one community, and a member starts rounds only for their own team.
  if (by.communityId === null) return forbidden('only a community’s members walk rounds');
  await insertRound(tx, { ...start, startedBy: by.memberId, endedAt: null, note: null, autoClosed: false }, now, by.communityId);
  return null;
}

export async function applyRoundEnd(tx: Tx, m: RoundEndMutation, by: Caller): Promise<Refusal | null> {
  const end = m.data;
  const stored = await findStoredRound(tx, end.roundId);
  const round = stored?.round;
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
  await endRound(tx, { ...round, endedAt: end.endedAt, note: end.note, autoClosed: end.autoClosed }, stored!.communityId);
  return null;
}

export async function applyTrackAppend(tx: Tx, m: TrackAppendMutation, by: Caller, now: string): Promise<Refusal | null> {
  const batch = m.data;
  const stored = await roundOfMember(tx, batch.roundId, by);
  if (isRefusal(stored)) return stored;
  const { round, communityId } = stored;
  const outside = pointsOutsideRoundRefusal(batch.points, round.startedAt);
  if (outside) return outside;
  const storedIn = await trackBatchRound(tx, batch.id);
  if (storedIn !== null) {
    return storedIn === batch.roundId ? null : conflict(`track batch ${quote(batch.id)} belongs to another round`);
  }
  await insertTrackBatch(tx, batch, { communityId, teamId: round.teamId }, now);
  return null;
}

export async function applyCheckpointScan(tx: Tx, m: CheckpointScanMutation, by: Caller, now: string): Promise<Refusal | null> {
  const draft = m.data;
  const stored = await roundOfMember(tx, draft.roundId, by);
  if (isRefusal(stored)) return stored;
  const { round, communityId } = stored;
  const checkpoint = by.communityId === null ? null : await findCheckpoint(tx, draft.checkpointId, by.communityId);
  if (!checkpoint) return invalid(`unknown checkpointId ${quote(draft.checkpointId)}`);
  if (await checkpointScanExists(tx, draft.id)) return null;
  // Without a position there is nothing to measure: the scan is stored and not flagged.
  const far = draft.position !== null && haversineMetres(draft.position, checkpoint) > FAR_FROM_CHECKPOINT_M;
  await insertCheckpointScan(tx, { ...draft, memberId: by.memberId, teamId: round.teamId, far }, now, communityId);
  return null;
}
