import { describe, expect, it } from 'vitest';
import { filterHazards, filterRounds, NO_FILTER, type MapFilter } from '../../../src/shared/map/mapFilter';
import type { HazardStatus, Severity } from '../../../src/shared/domain/schemas';

const day = { from: Date.parse('2026-03-10T00:00:00+08:00'), to: Date.parse('2026-03-11T00:00:00+08:00') };

function hazard(id: string, patch: Partial<{ teamId: string; reporterId: string; categoryId: string; severity: Severity; status: HazardStatus; createdAt: string }> = {}) {
  return {
    id,
    teamId: 'team-a',
    reporterId: 'a-01',
    categoryId: 'fire',
    severity: 'medium' as Severity,
    status: 'open' as HazardStatus,
    createdAt: '2026-03-10T09:00:00+08:00',
    ...patch,
  };
}

const hazards = [
  hazard('h1'),
  hazard('h2', { teamId: 'team-b', reporterId: 'b-01' }),
  hazard('h3', { categoryId: 'electric', severity: 'urgent' }),
  hazard('h4', { status: 'resolved' }),
  hazard('h5', { status: 'assigned', reporterId: 'a-02' }),
  hazard('h6', { createdAt: '2026-03-09T23:59:59+08:00' }),
  hazard('h7', { status: 'rejected' }),
];
const ids = (filter: Partial<MapFilter>) => filterHazards(hazards, { ...NO_FILTER, ...filter }, day).map((h) => h.id);

describe('map filters', () => {
  it('keeps only the day, in the device time zone window given', () => {
    expect(ids({})).toEqual(['h1', 'h2', 'h3', 'h4', 'h5', 'h7']);
  });

  it('filters hazards by team, member, category, severity and status', () => {
    expect(ids({ teamId: 'team-b' })).toEqual(['h2']);
    expect(ids({ memberId: 'a-02' })).toEqual(['h5']);
    expect(ids({ categoryId: 'electric' })).toEqual(['h3']);
    expect(ids({ severity: 'urgent' })).toEqual(['h3']);
    expect(ids({ status: 'resolved' })).toEqual(['h4']);
  });

  it('"open only" keeps open and assigned hazards, and combines with other filters', () => {
    expect(ids({ openOnly: true })).toEqual(['h1', 'h2', 'h3', 'h5']);
    expect(ids({ openOnly: true, teamId: 'team-a', severity: 'medium' })).toEqual(['h1', 'h5']);
    expect(ids({ openOnly: true, status: 'resolved' })).toEqual([]);
  });

  it('keeps rounds that overlap the day and have the team or the member', () => {
    const round = (id: string, teamId: string, memberIds: string[], startedAt: string, endedAt: string | null) => ({ id, teamId, memberIds, startedAt, endedAt });
    const rounds = [
      round('r1', 'team-a', ['a-01', 'a-02'], '2026-03-10T08:00:00+08:00', '2026-03-10T10:00:00+08:00'),
      round('r2', 'team-b', ['b-01'], '2026-03-10T20:00:00+08:00', null),
      round('r3', 'team-a', ['a-03'], '2026-03-09T22:00:00+08:00', '2026-03-10T01:00:00+08:00'),
      round('r4', 'team-a', ['a-01'], '2026-03-09T08:00:00+08:00', '2026-03-09T09:00:00+08:00'),
    ];
    const now = Date.parse('2026-03-10T21:00:00+08:00');
    const pick = (filter: Partial<MapFilter>) => filterRounds(rounds, { ...NO_FILTER, ...filter }, day, now).map((r) => r.id);
    expect(pick({})).toEqual(['r1', 'r2', 'r3']);
    expect(pick({ teamId: 'team-a' })).toEqual(['r1', 'r3']);
    expect(pick({ memberId: 'a-02' })).toEqual(['r1']);
  });
});
