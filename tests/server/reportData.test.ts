// A weekly report reads only what it reports: old hazards closed before the week, other teams'
// hazards and other weeks' rounds are never loaded, and the figures stay what they were.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/server/store/openStore';
import { seedIfEmpty } from '../../src/server/seed/seedIfEmpty';
import { insertHazard } from '../../src/server/store/hazards';
import { loadReportInput } from '../../src/server/store/reportData';
import { C } from '../fixtures/reportWeek';
import { weeklyStats } from '../../src/shared/report/weeklyStats';
import { writeWeekToStore } from '../fixtures/reportWeek';
import { freshDatabaseUrl } from './helpers/backend';
import { RANGE, WEEK, ZONE } from '../shared/report/fixtureInput';
import * as f from '../shared/report/weekFixture';

const open: Store[] = [];
afterEach(async () => {
  while (open.length > 0) await open.pop()!.close();
});

/** A fresh database on this run's backend holding the fixture week. */
async function fixtureDb() {
  const store = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'patrol-reportdata-')), databaseUrl: await freshDatabaseUrl() });
  open.push(store);
  await seedIfEmpty(store.sql, { demo: false, now: new Date() });
  await writeWeekToStore(store.sql);
  return store.sql;
}

const DAY = 24 * 3_600_000;

describe('bounded report reads', () => {
  it('leaves out hazards closed before the week and never touched since, with the same figures', async () => {
    const sql = await fixtureDb();
    const before = await loadReportInput(sql, RANGE, 'all', C);
    const stats = weeklyStats(before, WEEK, ZONE);
    const template = f.hazards[0]!;
    await sql.transaction(async (tx) => {
      for (let i = 0; i < 2_000; i++) {
        const at = new Date(RANGE.from - 30 * DAY - i * 60_000).toISOString();
        await insertHazard(tx, { ...template, id: crypto.randomUUID(), createdAt: at, status: 'resolved', resolvedAt: at, receivedAt: at, updatedAt: at }, C);
      }
    });
    const after = await loadReportInput(sql, RANGE, 'all', C);
    expect(after.hazards.length).toBe(before.hazards.length);
    expect(weeklyStats(after, WEEK, ZONE)).toEqual(stats);
  });

  it('still counts an old hazard that is open at the week end', async () => {
    const sql = await fixtureDb();
    const before = await loadReportInput(sql, RANGE, 'all', C);
    const at = new Date(RANGE.from - 60 * DAY).toISOString();
    await sql.transaction((tx) => insertHazard(tx, { ...f.hazards[0]!, id: crypto.randomUUID(), createdAt: at, status: 'open', resolvedAt: null, assignedAt: null, receivedAt: at, updatedAt: at }, C));
    const after = weeklyStats(await loadReportInput(sql, RANGE, 'all', C), WEEK, ZONE)!;
    expect(after.open.count).toBe(weeklyStats(before, WEEK, ZONE)!.open.count + 1);
  });

  it("a team's report reads that team's records only", async () => {
    const sql = await fixtureDb();
    const teamId = f.teams[0]!.id;
    const scoped = await loadReportInput(sql, RANGE, { teamId }, C);
    expect(scoped.hazards.length).toBeGreaterThan(0);
    expect(scoped.hazards.every((h) => h.teamId === teamId)).toBe(true);
    expect(scoped.rounds.every((r) => r.teamId === teamId)).toBe(true);
    expect((await loadReportInput(sql, RANGE, 'all', C)).hazards.some((h) => h.teamId !== teamId)).toBe(true);
  });
});
