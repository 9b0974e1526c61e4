// The same fixture week, loaded by the app from IndexedDB and by the server from its Store (a
// real SQLite file here), gives identical statistics, CSV and GeoJSON: both sides run the one
// shared function.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PatrolDb } from '../../src/app/db/db';
import { loadReportInput as loadFromDexie } from '../../src/app/features/report/loadReportInput';
import { openStore } from '../../src/server/store/openStore';
import { seedIfEmpty } from '../../src/server/seed/seedIfEmpty';
import { loadReportInput as loadFromStore } from '../../src/server/store/reportData';
import { weeklyStats } from '../../src/shared/report/weeklyStats';
import { buildCsv } from '../../src/shared/report/csv';
import { buildGeoJson } from '../../src/shared/report/geojson';
import { scopeInput } from '../../src/shared/report/reportInput';
import { C, writeWeekToDexie, writeWeekToStore } from '../fixtures/reportWeek';
import { RANGE, WEEK, ZONE } from '../shared/report/fixtureInput';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function bothSides() {
  const dir = mkdtempSync(join(tmpdir(), 'patrol-report-'));
  const store = await openStore({ dataDir: dir });
  await seedIfEmpty(store.sql, { demo: false, now: new Date() });
  await writeWeekToStore(store.sql);
  const dexie = new PatrolDb(`report-${crypto.randomUUID()}`);
  await writeWeekToDexie(dexie);
  cleanups.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    await dexie.delete();
  });
  return { app: await loadFromDexie(dexie, RANGE), server: await loadFromStore(store.sql, RANGE, 'all', C) };
}

describe('app and server report parity', () => {
  it('gives identical numbers, CSV and GeoJSON for the same data', async () => {
    const { app, server } = await bothSides();
    const appStats = weeklyStats(app, WEEK, ZONE)!;
    expect(appStats.found.total).toBe(6);
    expect(appStats.effort.map((e) => e.km)).toEqual([0.13, 0.03]);
    expect(weeklyStats(server, WEEK, ZONE)).toEqual(appStats);
    expect(buildCsv(server, RANGE, { locale: 'zh-CN', zone: ZONE })).toBe(buildCsv(app, RANGE, { locale: 'zh-CN', zone: ZONE }));
    expect(buildGeoJson(server, RANGE)).toEqual(buildGeoJson(app, RANGE));
  });

  it("agrees on a lead's team scope too", async () => {
    const { app, server } = await bothSides();
    const scope = { teamId: 'tA' };
    expect(weeklyStats(scopeInput(server, scope), WEEK, ZONE)).toEqual(weeklyStats(scopeInput(app, scope), WEEK, ZONE));
  });

  it('includes fixes of a round still open on the phone that were never sent', async () => {
    const { app } = await bothSides();
    const withOpenRound = weeklyStats(app, WEEK, ZONE)!;
    expect(withOpenRound.coverage.days[3]!.visitedCompoundIds).toEqual([]);
    const dexie = new PatrolDb(`report-open-${crypto.randomUUID()}`);
    cleanups.push(() => dexie.delete());
    await writeWeekToDexie(dexie);
    const roundId = '20000000-0000-4000-8000-0000000000ff';
    await dexie.rounds.put({ id: roundId, teamId: 'tA', memberIds: ['mA'], startedAt: '2026-11-19T01:00:00.000Z', endedAt: null, startedBy: 'mA', note: null, autoClosed: false });
    await dexie.trackPoints.add({ roundId, batchId: '', at: Date.parse('2026-11-19T01:05:00.000Z'), lat: 30.6005, lng: 104.0065, accuracy: 5, segment: 0 });
    const stats = weeklyStats(await loadFromDexie(dexie, RANGE), WEEK, ZONE)!;
    // Thursday 09:05 in Chengdu, inside c4: the one compound nobody had visited.
    expect(stats.coverage.days[3]!.visitedCompoundIds).toEqual(['c4']);
    expect(stats.coverage.notVisitedCompoundIds).toEqual([]);
    expect(stats.effort.find((e) => e.teamId === 'tA')!.rounds).toBe(2);
  });
});
