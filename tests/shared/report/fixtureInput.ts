// The fixture week as a ReportInput, assembled the way both stores' loaders do it.
import { assembleInput } from '../../../src/shared/report/assembleInput';
import { parseIsoWeek, weekRange } from '../../../src/shared/report/isoWeek';
import * as f from './weekFixture';

export const ZONE = 'Asia/Shanghai';
export const WEEK = '2026-W47';
export const RANGE = weekRange(parseIsoWeek(WEEK, ZONE)!, ZONE);

export function fixtureInput() {
  return assembleInput(
    {
      hazards: f.hazards,
      events: f.events,
      rounds: f.rounds,
      batches: f.trackBatches,
      scans: f.scans,
      checkpoints: f.checkpoints,
      compounds: f.compounds,
      companies: f.companies,
      teams: f.teams,
      members: f.members,
      categories: f.categories,
    },
    RANGE,
  );
}
