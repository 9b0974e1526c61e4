import { describe, expect, it } from 'vitest';
import { weeklyStats } from '../../../src/shared/report/weeklyStats';
import { scopeInput } from '../../../src/shared/report/reportInput';
import { fixtureInput, WEEK, ZONE } from './fixtureInput';
import { HAZARD_IDS } from './weekFixture';

describe('weeklyStats on the fixture week (answers worked out by hand)', () => {
  const stats = weeklyStats(fixtureInput(), WEEK, ZONE)!;

  it('counts the hazards found in the week by the Chengdu wall clock', () => {
    // h1 h2 h3 h4 h7 h8; not h5 (week before) nor h6 (Monday 00:10 of the next week).
    expect(stats.found.total).toBe(6);
    expect(stats.found.bySeverity).toEqual([
      { key: 'low', count: 2 },
      { key: 'medium', count: 2 },
      { key: 'high', count: 1 },
      { key: 'urgent', count: 1 },
    ]);
    expect(stats.found.byTeam).toEqual([{ key: 'tA', count: 3 }, { key: 'tB', count: 3 }]);
    expect(stats.found.byCompound).toEqual([{ key: 'c1', count: 2 }, { key: 'c2', count: 2 }, { key: 'c3', count: 2 }]);
    expect(stats.found.byCategory.map((r) => r.key)).toEqual(['electrical', 'fire', 'gas', 'other', 'sanitation', 'water']);
    expect(stats.found.perDay.map((d) => [d.date, d.low, d.medium, d.high, d.urgent])).toEqual([
      ['2026-11-16', 1, 0, 0, 1],
      ['2026-11-17', 0, 0, 1, 0],
      ['2026-11-18', 0, 1, 0, 0],
      ['2026-11-19', 0, 1, 0, 0],
      ['2026-11-20', 1, 0, 0, 0],
      ['2026-11-21', 0, 0, 0, 0],
      ['2026-11-22', 0, 0, 0, 0],
    ]);
  });

  it('lists what was still open at week end with its age, oldest first', () => {
    // h5 (assigned, 12.5 days), h4 (open), h7 (resolved only after the week); h8 was rejected in it.
    expect(stats.open.hazards.map((h) => [h.hazardId, h.ageHours])).toEqual([
      [HAZARD_IDS.h5, 300],
      [HAZARD_IDS.h4, 167.5],
      [HAZARD_IDS.h7, 82],
    ]);
    expect(stats.open.count).toBe(3);
  });

  it('scores property companies by median resolution time', () => {
    expect(stats.resolvedInWeek).toBe(3);
    expect(stats.responseTimes).toEqual([
      { companyId: 'pc1', resolved: 2, toAssigned: { count: 2, median: 1.5, p90: 2 }, toResolved: { count: 2, median: 20, p90: 30 }, over24h: 1, over72h: 0 },
      { companyId: 'pc2', resolved: 1, toAssigned: { count: 1, median: 4, p90: 4 }, toResolved: { count: 1, median: 80, p90: 80 }, over24h: 1, over72h: 1 },
    ]);
  });

  it('sums patrol effort per team, gaps and silence included', () => {
    // r1: 08:00–10:00, 95.7 m + 33.4 m walked, a 9-minute gap and 109 silent minutes before the end.
    expect(stats.effort).toEqual([
      { teamId: 'tA', rounds: 1, hours: 2, km: 0.13, gaps: 2, minutesWithoutPosition: 118 },
      { teamId: 'tB', rounds: 1, hours: 0.02, km: 0.03, gaps: 0, minutesWithoutPosition: 0 },
    ]);
  });

  it('reports coverage per day and the compounds never visited', () => {
    expect(stats.coverage.days.map((d) => d.visitedCompoundIds)).toEqual([['c1', 'c2'], [], ['c3'], [], ['c1'], [], []]);
    expect(stats.coverage.notVisitedCompoundIds).toEqual(['c4']);
  });

  it("gives a lead their own team's figures only", () => {
    const team = weeklyStats(scopeInput(fixtureInput(), { teamId: 'tB' }), WEEK, ZONE)!;
    expect(team.found.total).toBe(3);
    expect(team.responseTimes.map((r) => r.companyId)).toEqual(['pc2']);
    expect(team.effort.map((e) => e.teamId)).toEqual(['tB']);
    expect(team.coverage.days.map((d) => d.visitedCompoundIds)).toEqual([[], [], ['c3'], [], ['c1'], [], []]);
  });

  it('refuses a week that does not exist', () => {
    expect(weeklyStats(fixtureInput(), '2025-W53', ZONE)).toBeNull();
  });
});
