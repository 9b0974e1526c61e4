// The optional demo week (DEMO_REPORT_WEEK=1): written once, and it gives the report something
// to show in every section.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/testServer';
import { seedDemoWeek } from '../../src/server/seed/demoWeek';
import { loadReportInput } from '../../src/server/store/reportData';
import { formatIsoWeek, lastCompleteWeek, weekRange } from '../../src/shared/report/isoWeek';
import { weeklyStats } from '../../src/shared/report/weeklyStats';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demo: true });
});
afterAll(() => server.close());

describe('the demo report week', () => {
  it('is written once and fills every section of the report', async () => {
    const now = new Date('2026-11-27T08:00:00Z');
    const hazardRows = async () => (await server.sql.get<{ n: number }>('SELECT count(*) AS n FROM hazards'))!.n;
    expect(await seedDemoWeek(server.sql, now)).toBe(true);
    const hazards = await hazardRows();
    expect(await seedDemoWeek(server.sql, now)).toBe(false);
    expect(await hazardRows()).toBe(hazards);

    const week = lastCompleteWeek(now, 'Asia/Shanghai');
    const stats = weeklyStats(await loadReportInput(server.sql, weekRange(week, 'Asia/Shanghai'), 'all', 'community-1'), formatIsoWeek(week), 'Asia/Shanghai')!;
    expect(stats.found.total).toBe(42);
    expect(stats.found.perDay.every((d) => d.low + d.medium + d.high + d.urgent > 0)).toBe(true);
    expect(stats.responseTimes.length).toBeGreaterThan(2);
    expect(stats.open.count).toBeGreaterThan(0);
    expect(stats.effort.map((e) => [e.teamId, e.rounds, e.hours, e.gaps])).toEqual([
      ['team-a', 7, 14, 7],
      ['team-b', 7, 14, 7],
    ]);
    // No round heads for the last two compounds; a walk between others may still pass by one.
    expect(stats.coverage.notVisitedCompoundIds).toContain('c23');
  });
});
