// The open round started on this phone, and whether the app should go on recording it. Its own
// module, free of schemas, because the app asks on every start and the capture path must stay
// small. "On this phone" matters: a lead also pulls the team's rounds, including their own open
// round walked with another phone, and that one must not be resumed (or closed) here.
import type { LocalRound, PatrolDb } from '../../db/db';
import { roundController } from './roundController';

/** A round left open longer than this is closed at its last fix, marked as closed automatically. */
export const ROUND_MAX_OPEN_MS = 12 * 3_600_000;

export async function findOpenRound(db: PatrolDb, memberId: string): Promise<LocalRound | undefined> {
  const marked = (await db.meta.get('roundOnThisPhone'))?.value;
  if (typeof marked === 'string') {
    const round = await db.rounds.get(marked);
    return round && round.endedAt === null && round.startedBy === memberId ? round : undefined;
  }
  // A round started before the mark existed: it was walked here if this phone kept its fixes.
  const open = await db.rounds.filter((r) => r.endedAt === null && r.startedBy === memberId).first();
  return open && (await db.trackPoints.where('[roundId+at]').between([open.id, -Infinity], [open.id, Infinity]).count()) > 0 ? open : undefined;
}

/** When the round last showed life: its last kept fix, else its start (epoch ms). */
export async function lastActivityAt(db: PatrolDb, round: LocalRound): Promise<number> {
  const last = await db.trackPoints.where('[roundId+at]').between([round.id, -Infinity], [round.id, Infinity]).last();
  return last?.at ?? Date.parse(round.startedAt);
}

export type ResumeDecision =
  | { kind: 'none' }
  /** Open too long: close it at its last activity (see roundWrites.closeIfStale). */
  | { kind: 'stale'; round: LocalRound }
  | { kind: 'resume'; round: LocalRound };

/** What to do on app start with this member's open round on this phone. */
export async function resumeDecision(db: PatrolDb, memberId: string, now = new Date()): Promise<ResumeDecision> {
  const round = await findOpenRound(db, memberId);
  if (!round) return { kind: 'none' };
  const lastActivity = await lastActivityAt(db, round);
  return now.getTime() - lastActivity > ROUND_MAX_OPEN_MS ? { kind: 'stale', round } : { kind: 'resume', round };
}

/**
 * The round a hazard logged now belongs to: the one recording, else the open one on this phone,
 * read from the database, because right after a reload the form can save before the recorder
 * has started.
 */
export async function roundIdForNewHazard(db: PatrolDb, memberId: string, now = new Date()): Promise<string | null> {
  const recording = roundController.get()?.round.id;
  if (recording) return recording;
  const decision = await resumeDecision(db, memberId, now);
  return decision.kind === 'resume' ? decision.round.id : null;
}
