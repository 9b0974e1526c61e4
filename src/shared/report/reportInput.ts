// What the weekly report is computed from: plain rows, loaded by the app from Dexie and by the
// server from SQLite. Both loaders hand over the same shapes, so one pure function serves both.
import type { HazardEvent } from '../domain/hazardEvents';
import type { Category, Compound, Hazard, Member, PropertyCompany, Team } from '../domain/schemas';
import type { Round, TrackPoint } from '../domain/rounds';
import type { CoverageScan } from '../tracks/coverage';

export type ReportHazard = Pick<
  Hazard,
  | 'id'
  | 'categoryId'
  | 'severity'
  | 'description'
  | 'position'
  | 'compoundId'
  | 'createdAt'
  | 'reporterId'
  | 'teamId'
  | 'status'
  | 'assignedCompanyId'
  | 'assignedAt'
  | 'resolvedAt'
  | 'photoIds'
>;

/** Only what tells when a hazard left the open list for another reason than resolving. */
export type ReportEvent = Pick<HazardEvent, 'hazardId' | 'type' | 'at'>;

export type ReportRound = Pick<Round, 'id' | 'teamId' | 'startedAt' | 'endedAt'>;

export interface ReportInput {
  hazards: readonly ReportHazard[];
  events: readonly ReportEvent[];
  rounds: readonly ReportRound[];
  /** Each round's kept fixes, in time order. */
  pointsByRound: ReadonlyMap<string, readonly TrackPoint[]>;
  scans: readonly CoverageScan[];
  compounds: readonly Compound[];
  companies: readonly PropertyCompany[];
  teams: readonly Team[];
  members: readonly Pick<Member, 'id' | 'name' | 'teamId'>[];
  categories: readonly Category[];
}

/** Who a report is for: a lead sees their own team, the office everything. */
export type ReportScope = { teamId: string } | 'all';

/**
 * The rows of one scope: a lead's report holds the hazards their team found and the rounds
 * their team walked; reference data (compounds, companies) stays whole.
 */
export function scopeInput(input: ReportInput, scope: ReportScope): ReportInput {
  if (scope === 'all') return input;
  const { teamId } = scope;
  const hazards = input.hazards.filter((h) => h.teamId === teamId);
  const ids = new Set(hazards.map((h) => h.id));
  const rounds = input.rounds.filter((r) => r.teamId === teamId);
  return {
    ...input,
    hazards,
    events: input.events.filter((e) => ids.has(e.hazardId)),
    rounds,
    scans: input.scans.filter((s) => s.teamId === teamId),
    teams: input.teams.filter((t) => t.id === teamId),
  };
}
