// On app start (a reload, a crash, a phone restart), an open round of this member started on
// this phone goes on recording by itself: Android reloads background tabs, and a round that waits
// for a tap records nothing meanwhile. The time the app was not running becomes a gap by the fix
// filter's own rule (over 60 s without a fix starts a new segment). A round open too long is
// closed at its last fix instead, as before.
import type { PatrolDb } from '../../db/db';
import { resumeDecision } from './openRound';
import { roundController } from './roundController';

export type ResumeOutcome = 'resumed' | 'closed' | 'none';

/** Runs once per app start with a session (App.tsx); a second run would find the round recording. */
export async function resumeOpenRound(db: PatrolDb, memberId: string, afterWrite: () => void, now = new Date()): Promise<ResumeOutcome> {
  const decision = await resumeDecision(db, memberId, now);
  if (decision.kind === 'none') return 'none';
  if (decision.kind === 'stale') {
    // Loaded only here: round writes validate with the shared schemas, off the first paint.
    const { closeIfStale } = await import('./roundWrites');
    if (await closeIfStale(db, decision.round, now)) afterWrite();
    return 'closed';
  }
  await roundController.record(db, decision.round, afterWrite);
  return 'resumed';
}
