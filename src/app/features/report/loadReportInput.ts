// The weekly report's rows from this phone's database (works offline). Same shapes, same
// assembly as the server's loader (src/server/store/reportData.ts), so the figures agree.
import type { PatrolDb } from '../../db/db';
import { STANDARD_CATEGORIES } from '../../../shared/domain/categories';
import { assembleInput, roundsForWeek } from '../../../shared/report/assembleInput';
import type { ReportInput } from '../../../shared/report/reportInput';

export async function loadReportInput(db: PatrolDb, range: { from: number; to: number }): Promise<ReportInput> {
  return db.transaction(
    'r',
    [db.hazards, db.hazardEvents, db.rounds, db.trackBatches, db.trackPoints, db.checkpointScans, db.checkpoints, db.compounds, db.propertyCompanies, db.teams, db.members, db.categories],
    async () => {
      const rounds = await db.rounds.toArray();
      const wanted = roundsForWeek(rounds, range);
      const ids = wanted.map((r) => r.id);
      const [batches, unsent] = await Promise.all([
        db.trackBatches.where('roundId').anyOf(ids).toArray(),
        // Fixes of a round still open on this phone that are not in a sent batch yet.
        Promise.all(wanted.filter((r) => r.endedAt === null).map((r) => db.trackPoints.where('[roundId+batchId]').equals([r.id, '']).toArray())),
      ]);
      const [hazards, events, scans, checkpoints, compounds, companies, teams, members, categories] = await Promise.all([
        db.hazards.toArray(),
        db.hazardEvents.filter((e) => e.type === 'duplicate' || e.type === 'reject').toArray(),
        db.checkpointScans.toArray(),
        db.checkpoints.toArray(),
        db.compounds.toArray(),
        db.propertyCompanies.toArray(),
        db.teams.toArray(),
        db.members.toArray(),
        db.categories.toArray(),
      ]);
      const unsentBatches = unsent.flat().map(({ roundId, at, lat, lng, accuracy, segment, suspect }) => ({
        roundId,
        points: [{ at, lat, lng, accuracy, segment, ...(suspect === undefined ? {} : { suspect }) }],
      }));
      return assembleInput(
        {
          hazards,
          events,
          rounds: rounds.map(({ id, teamId, startedAt, endedAt }) => ({ id, teamId, startedAt, endedAt })),
          batches: [...batches, ...unsentBatches],
          scans,
          checkpoints,
          compounds,
          companies,
          teams,
          members,
          categories: categories.length > 0 ? categories : [...STANDARD_CATEGORIES],
        },
        range,
      );
    },
  );
}
