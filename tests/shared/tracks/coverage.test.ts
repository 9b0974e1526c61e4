import { describe, expect, it } from 'vitest';
import { computeCoverage, type CoveragePoint, type CoverageScan } from '../../../src/shared/tracks/coverage';
import { coverageScans } from '../../../src/shared/tracks/coverageScans';
import { DEMO_COMPOUNDS, demoCompoundCentre } from '../../../src/server/seed/compounds';
import { offset, type At } from './offset';

// A synthetic day on the demo geometry (rectangles on a 5 × 5 grid; row 0 is c01–c05, and
// nothing lies south of it, so a point south of row 0 can touch only one compound).
const DAY = { from: Date.UTC(2025, 4, 11, 16), to: Date.UTC(2025, 4, 12, 16) }; // a Chengdu day
const hour = (h: number) => DAY.from + h * 3_600_000;

function southEdgeMiddle(id: string): At {
  const polygon = DEMO_COMPOUNDS.find((c) => c.id === id)!.polygon;
  const lats = polygon.map(([, lat]) => lat);
  return { lat: Math.min(...lats), lng: demoCompoundCentre(id).lng };
}

function southWestCorner(id: string): At {
  const polygon = DEMO_COMPOUNDS.find((c) => c.id === id)!.polygon;
  return { lat: Math.min(...polygon.map(([, lat]) => lat)), lng: Math.min(...polygon.map(([lng]) => lng)) };
}

const at = (where: At, time: number, roundId: string, teamId: string, suspect?: boolean): CoveragePoint => ({
  ...where,
  at: time,
  roundId,
  teamId,
  ...(suspect === undefined ? {} : { suspect }),
});

const points: CoveragePoint[] = [
  // Round r1 (team A) walks through c01 and c02 in the morning.
  at(demoCompoundCentre('c01'), hour(9), 'r1', 'team-a'),
  at(demoCompoundCentre('c02'), hour(9.2), 'r1', 'team-a'),
  // Round r2 (team B) passes c02 again later; c02 has two visits from two teams.
  at(demoCompoundCentre('c02'), hour(14), 'r2', 'team-b'),
  // c03: only a fix 15 m south of its edge, outside the polygon.
  at(offset(southEdgeMiddle('c03'), 0, -15), hour(10), 'r2', 'team-b'),
  // c04: 25 m south of its edge, beyond the 20 m reach: not visited.
  at(offset(southEdgeMiddle('c04'), 0, -25), hour(10.1), 'r2', 'team-b'),
  // c05: 12 m south and 12 m west of a corner (17 m diagonally): visited; 16 m each way (22.6 m) would not be.
  at(offset(southWestCorner('c05'), -12, -12), hour(10.2), 'r2', 'team-b'),
  // c06: only a suspect fix inside: stored, but no evidence of a visit.
  at(demoCompoundCentre('c06'), hour(11), 'r1', 'team-a', true),
  // Period boundaries: c08 at the first instant of the day (in), c09 at the first of the next (out),
  // c11 one millisecond before the day (out).
  at(demoCompoundCentre('c08'), DAY.from, 'r3', 'team-a'),
  at(demoCompoundCentre('c09'), DAY.to, 'r3', 'team-a'),
  at(demoCompoundCentre('c11'), DAY.from - 1, 'r3', 'team-a'),
  // Later in the morning r1 is back in c01: lastVisitedAt is the latest fix, still one round.
  at(demoCompoundCentre('c01'), hour(9.5), 'r1', 'team-a'),
];

const scans: CoverageScan[] = [
  // c07 is visited only by a checkpoint scan.
  { compoundId: 'c07', at: hour(12), roundId: 'r4', teamId: 'team-c' },
  // A scan of c12 the day before does not count today.
  { compoundId: 'c12', at: DAY.from - 60_000, roundId: 'r0', teamId: 'team-c' },
  // A scan of an unknown compound is ignored.
  { compoundId: 'nowhere', at: hour(12), roundId: 'r4', teamId: 'team-c' },
];

const coverage = computeCoverage({ compounds: DEMO_COMPOUNDS, points, scans, period: DAY });
const of = (id: string) => coverage.find((c) => c.compoundId === id)!;

describe('computeCoverage on a synthetic day', () => {
  it('lists every compound once', () => {
    expect(coverage).toHaveLength(DEMO_COMPOUNDS.length);
    expect(new Set(coverage.map((c) => c.compoundId)).size).toBe(DEMO_COMPOUNDS.length);
  });

  it('counts a fix inside the polygon, with the latest time, distinct rounds and their teams', () => {
    expect(of('c01')).toEqual({ compoundId: 'c01', visited: true, lastVisitedAt: hour(9.5), visits: 1, teamIds: ['team-a'], byTrack: true, byScan: false });
    expect(of('c02')).toMatchObject({ visited: true, lastVisitedAt: hour(14), visits: 2, teamIds: ['team-a', 'team-b'] });
  });

  it('counts a fix within 20 m of the edge, and not one at 25 m', () => {
    expect(of('c03')).toMatchObject({ visited: true, lastVisitedAt: hour(10), visits: 1 });
    expect(of('c04')).toMatchObject({ visited: false, lastVisitedAt: null, visits: 0, teamIds: [] });
    expect(of('c05')).toMatchObject({ visited: true });
    const beyondCorner = at(offset(southWestCorner('c05'), -16, -16), hour(10), 'r9', 'team-a');
    const alone = computeCoverage({ compounds: DEMO_COMPOUNDS, points: [beyondCorner], period: DAY });
    expect(alone.every((c) => !c.visited)).toBe(true);
  });

  it('ignores suspect fixes', () => {
    expect(of('c06').visited).toBe(false);
  });

  it('counts a checkpoint scan alone as a visit', () => {
    expect(of('c07')).toEqual({ compoundId: 'c07', visited: true, lastVisitedAt: hour(12), visits: 1, teamIds: ['team-c'], byTrack: false, byScan: true });
  });

  it('holds the period half-open: its first instant is in, the next period’s first instant is out', () => {
    expect(of('c08').visited).toBe(true);
    expect(of('c09').visited).toBe(false);
    expect(of('c11').visited).toBe(false);
    expect(of('c12').visited).toBe(false);
  });

  it('lists compounds not visited first, in seed order, then visited ones longest-ago first', () => {
    const notVisited = coverage.filter((c) => !c.visited).map((c) => c.compoundId);
    expect(coverage.slice(0, notVisited.length).map((c) => c.compoundId)).toEqual(notVisited);
    expect(notVisited).toEqual(DEMO_COMPOUNDS.map((c) => c.id).filter((id) => notVisited.includes(id)));
    expect(coverage.slice(notVisited.length).map((c) => c.compoundId)).toEqual(['c08', 'c01', 'c03', 'c05', 'c07', 'c02']);
  });

  it('reads points from any iterable, e.g. a database cursor', () => {
    function* cursor() {
      yield* points;
    }
    expect(computeCoverage({ compounds: DEMO_COMPOUNDS, points: cursor(), scans, period: DAY })).toEqual(coverage);
  });
});

describe('coverageScans', () => {
  it('resolves scans to their compound and time, and leaves out unknown checkpoints', () => {
    const checkpoints = [{ id: 'cp-07-gate', compoundId: 'c07' }];
    const resolved = coverageScans(
      [
        { checkpointId: 'cp-07-gate', roundId: 'r4', teamId: 'team-c', scannedAt: new Date(hour(12)).toISOString() },
        { checkpointId: 'cp-removed', roundId: 'r4', teamId: 'team-c', scannedAt: new Date(hour(12)).toISOString() },
      ],
      checkpoints,
    );
    expect(resolved).toEqual([{ compoundId: 'c07', at: hour(12), roundId: 'r4', teamId: 'team-c' }]);
  });
});
