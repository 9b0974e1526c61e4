// The rounds table family (rounds, trackBatches, checkpointScans) as the map's fetch writes it:
// a page of another day's rounds from the endpoint, put together so a cut fetch keeps whole pages.
import type { PatrolDb, LocalRound } from './db';
import type { CheckpointScan, TrackBatch } from '../../shared/domain/rounds';

export interface RoundsPage {
  rounds: readonly LocalRound[];
  trackBatches: readonly TrackBatch[];
  checkpointScans: readonly CheckpointScan[];
}

export async function putRoundsPage(db: PatrolDb, page: RoundsPage): Promise<void> {
  await db.transaction('rw', [db.rounds, db.trackBatches, db.checkpointScans], async () => {
    await db.rounds.bulkPut([...page.rounds]);
    await db.trackBatches.bulkPut([...page.trackBatches]);
    await db.checkpointScans.bulkPut([...page.checkpointScans]);
  });
}
