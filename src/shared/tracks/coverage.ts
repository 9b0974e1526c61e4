// Coverage: which compounds a period's rounds actually visited. Pure; the app feeds it Dexie
// rows and the server SQLite rows (any iterable, so a statement can stream its points).
// Must hold: a compound is visited iff a trusted (non-suspect) fix in the period falls inside
// it or within VISIT_REACH_M of it, or a checkpoint scan of it was made in the period.
// The period is half-open, [from, to), so today and tomorrow never both claim midnight.
import type { Compound } from '../domain/schemas';
import { prepareReach, VISIT_REACH_M, withinReach } from './compoundReach';

/** A stored track point joined to its round (a round belongs to one team). */
export interface CoveragePoint {
  at: number;
  lat: number;
  lng: number;
  roundId: string;
  teamId: string;
  suspect?: boolean | null | undefined;
}

/** A checkpoint scan resolved to its compound, at epoch ms: see coverageScans. */
export interface CoverageScan {
  compoundId: string;
  at: number;
  roundId: string;
  teamId: string;
}

export interface CoveragePeriod {
  from: number;
  to: number;
}

export interface CoverageInput {
  compounds: readonly Pick<Compound, 'id' | 'polygon'>[];
  points: Iterable<CoveragePoint>;
  scans?: Iterable<CoverageScan>;
  period: CoveragePeriod;
  reachM?: number;
}

export interface CompoundCoverage {
  compoundId: string;
  visited: boolean;
  lastVisitedAt: number | null;
  /** Distinct rounds that visited it, by fix or by scan. */
  visits: number;
  /** Teams whose rounds visited it, sorted. */
  teamIds: string[];
  /** How it was visited: a map and a scan sheet disagree sometimes, and a lead wants to know. */
  byTrack: boolean;
  byScan: boolean;
}

interface Tally {
  lastVisitedAt: number | null;
  rounds: Set<string>;
  teams: Set<string>;
  byTrack: boolean;
  byScan: boolean;
}

/**
 * Coverage of every compound, not-visited first (in the order given), then visited ones
 * longest-ago first: the top of the list is where a patrol is most needed.
 */
export function computeCoverage(input: CoverageInput): CompoundCoverage[] {
  const { from, to } = input.period;
  const inPeriod = (at: number) => at >= from && at < to;
  const reaches = input.compounds.map((c) => prepareReach(c, input.reachM ?? VISIT_REACH_M));
  const tallies = reaches.map((): Tally => ({ lastVisitedAt: null, rounds: new Set(), teams: new Set(), byTrack: false, byScan: false }));
  const record = (tally: Tally, at: number, roundId: string, teamId: string) => {
    if (tally.lastVisitedAt === null || at > tally.lastVisitedAt) tally.lastVisitedAt = at;
    tally.rounds.add(roundId);
    tally.teams.add(teamId);
  };

  for (const point of input.points) {
    if (point.suspect === true || !inPeriod(point.at)) continue;
    // Compounds never overlap in practice, but the reach zones of neighbours may: check them all.
    for (let i = 0; i < reaches.length; i++) {
      if (!withinReach(reaches[i]!, point.lat, point.lng)) continue;
      const tally = tallies[i]!;
      tally.byTrack = true;
      record(tally, point.at, point.roundId, point.teamId);
    }
  }

  const indexById = new Map(reaches.map((r, i) => [r.compoundId, i]));
  for (const scan of input.scans ?? []) {
    const index = indexById.get(scan.compoundId);
    if (index === undefined || !inPeriod(scan.at)) continue;
    const tally = tallies[index]!;
    tally.byScan = true;
    record(tally, scan.at, scan.roundId, scan.teamId);
  }

  const rows = reaches.map((reach, i): CompoundCoverage => {
    const tally = tallies[i]!;
    return {
      compoundId: reach.compoundId,
      visited: tally.lastVisitedAt !== null,
      lastVisitedAt: tally.lastVisitedAt,
      visits: tally.rounds.size,
      teamIds: [...tally.teams].sort(),
      byTrack: tally.byTrack,
      byScan: tally.byScan,
    };
  });
  // Array.prototype.sort is stable (ES2019), so ties keep the order the compounds came in.
  return rows.sort(notVisitedFirst);
}

function notVisitedFirst(a: CompoundCoverage, b: CompoundCoverage): number {
  if (a.lastVisitedAt === null || b.lastVisitedAt === null) {
    return (a.lastVisitedAt === null ? 0 : 1) - (b.lastVisitedAt === null ? 0 : 1);
  }
  return a.lastVisitedAt - b.lastVisitedAt;
}
