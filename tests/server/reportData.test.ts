// A weekly report reads only what it reports: old hazards closed before the week, other teams'
// hazards and other weeks' rounds are never loaded, and the figures stay what they were.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/server/store/openDb';
import { seedIfEmpty } from '../../src/server/seed/seedIfEmpty';
import { insertHazard } from '../../src/server/store/hazards';
import { loadReportInput } from '../../src/server/store/reportData';
import { weeklyStats } from '../../src/shared/report/weeklyStats';
import { writeWeekToSqlite } from '../fixtures/reportWeek';
import { RANGE, WEEK, ZONE } from '../shared/report/fixtureInput';
import * as f from '../shared/report/weekFixture';

function fixtureDb() {
  const db = openDb(mkdtempSync(join(tmpdir(), 'patrol-reportdata-')));
  seedIfEmpty(db, { demo: false, now: new Date() });
  writeWeekToSqlite(db);
  return db;
}

const DAY = 24 * 3_600_000;

describe('bounded report reads', () => {
  it('leaves out hazards closed before the week and never touched since, with the same figures', () => {
    const db = fixtureDb();
    const before = loadReportInput(db, RANGE);
    const stats = weeklyStats(before, WEEK, ZONE);
    const template = f.hazards[0]!;
    db.transaction(() => {
      for (let i = 0; i < 2_000; i++) {
        const at = new Date(RANGE.from - 30 * DAY - i * 60_000).toISOString();
        insertHazard(db, { ...template, id: crypto.randomUUID(), createdAt: at, status: 'resolved', resolvedAt: at, receivedAt: at, updatedAt: at });
      }
    })();
    const after = loadReportInput(db, RANGE);
    expect(after.hazards.length).toBe(before.hazards.length);
    expect(weeklyStats(after, WEEK, ZONE)).toEqual(stats);
    db.close();
  });

  it('still counts an old hazard that is open at the week end', () => {
    const db = fixtureDb();
    const before = loadReportInput(db, RANGE);
    const at = new Date(RANGE.from - 60 * DAY).toISOString();
    insertHazard(db, { ...f.hazards[0]!, id: crypto.randomUUID(), createdAt: at, status: 'open', resolvedAt: null, assignedAt: null, receivedAt: at, updatedAt: at });
    const after = weeklyStats(loadReportInput(db, RANGE), WEEK, ZONE)!;
    expect(after.open.count).toBe(weeklyStats(before, WEEK, ZONE)!.open.count + 1);
    db.close();
  });

  it("a team's report reads that team's records only", () => {
    const db = fixtureDb();
    const teamId = f.teams[0]!.id;
    const scoped = loadReportInput(db, RANGE, { teamId });
    expect(scoped.hazards.length).toBeGreaterThan(0);
    expect(scoped.hazards.every((h) => h.teamId === teamId)).toBe(true);
    expect(scoped.rounds.every((r) => r.teamId === teamId)).toBe(true);
    expect(loadReportInput(db, RANGE).hazards.some((h) => h.teamId !== teamId)).toBe(true);
    db.close();
  });
});
