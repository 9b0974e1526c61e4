// On app start (a reload, a crash, a phone restart), an open round of this member started on
// this phone goes on recording by itself: Android reloads background tabs, and a round that waits
// for a tap records nothing meanwhile. The time the app was not running becomes a gap by the fix
// filter's own rule (over 60 s without a fix starts a new segment). A round open too long is
// closed at its last fix instead, as before.
import type { PatrolDb } from '../../db/db';
import { resumeDecision } from './openRound';
import { roundController } from './roundController';

export type ResumeOutcome = 'resumed' | 'closed' | 'none';

let started: { memberId: string; outcome: Promise<ResumeOutcome> } | null = null;

export function resumeOpenRound(db: PatrolDb, memberId: string, afterWrite: () => void, now = new Date()): Promise<ResumeOutcome> {
  return (async () => {
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
  })();
}

/** The app calls this on every start with a session; later calls for the member get the first answer. */
export function resumeOnStart(db: PatrolDb, memberId: string, afterWrite: () => void): Promise<ResumeOutcome> {
  if (started?.memberId === memberId) return started.outcome;
  const outcome = resumeOpenRound(db, memberId, afterWrite).catch((error: unknown) => {
    // No GPS API, a blocked database: the round panel still offers Resume by hand.
    console.warn('round resume failed', error);
    started = null;
    return 'none' as const;
  });
  started = { memberId, outcome };
  return outcome;
}
