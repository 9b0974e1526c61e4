// The open round this member started on this phone, if any. Its own module, free of schemas,
// because the home screen asks on first paint and the capture path must stay small.
import type { LocalRound, PatrolDb } from '../../db/db';

export function findOpenRound(db: PatrolDb, memberId: string): Promise<LocalRound | undefined> {
  // Rounds are few: a scan is cheap.
  return db.rounds.filter((r) => r.endedAt === null && r.startedBy === memberId).first();
}
