// The weekly report endpoint on a real server and database: roles, formats, week validation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { check } from '@placemarkio/check-geojson';
import { startTestServer, type TestServer } from './helpers/testServer';
import { call, enroll, errorCode } from './helpers/api';
import { createEnrollmentCode } from '../../src/server/store/enrollment';
import { putMember } from '../../src/server/store/reference';
import { insertHazard } from '../../src/server/store/hazards';
import { chromiumPath } from '../../src/server/report/renderPdf';
import { lastCompleteWeek, formatIsoWeek } from '../../src/shared/report/isoWeek';
import { weeklyStats } from '../../src/shared/report/weeklyStats';
import { C, writeWeekToStore } from '../fixtures/reportWeek';
import { fixtureInput, WEEK, ZONE } from '../shared/report/fixtureInput';
import { hazards } from '../shared/report/weekFixture';
import { photoFixturePath } from '../fixtures/photos';

const PHOTO = 'a'.repeat(64);
let server: TestServer;
const tokens: Record<'admin' | 'lead' | 'member', string> = { admin: '', lead: '', member: '' };

beforeAll(async () => {
  server = await startTestServer({ demo: false });
  await writeWeekToStore(server.sql);
  await server.sql.transaction(async (tx) => {
    await putMember(tx, { id: 'm-office', name: '社区办', teamId: null, role: 'admin', propertyCompanyId: null, active: true }, { communityId: C, streetId: 'street-1' });
    await putMember(tx, { id: 'm-walker', name: '王五', teamId: 'tA', role: 'member', propertyCompanyId: null, active: true }, { communityId: C, streetId: 'street-1' });
    // A description that tries to become markup in the printable report.
    await insertHazard(tx, { ...hazards[0]!, id: '00000000-0000-4000-8000-0000000000aa', description: '<img src=x onerror=alert(1)>', photoIds: [] }, C);
  });
  await server.sql.run('INSERT INTO photos (id, mime, bytes, width, height, uploaded_by, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [PHOTO, 'image/jpeg', 1, 1200, 900, 'mA', '2026-11-16T01:00:00Z']);
  await server.store.photos.put(PHOTO, readFileSync(photoFixturePath('small-1200x900.jpg')), 'image/jpeg');
  for (const [role, memberId] of [['admin', 'm-office'], ['lead', 'mA'], ['member', 'm-walker']] as const) {
    tokens[role] = (await enroll(server.url, (await createEnrollmentCode(server.sql, memberId, server.clock.now())).code)).token;
  }
});
afterAll(() => server.close());

const report = (query: string, token = tokens.admin) => call(server.url, `/api/v1/reports/weekly${query}`, { token });

describe('GET /api/v1/reports/weekly', () => {
  it('is for leads and the office only', async () => {
    expect((await call(server.url, `/api/v1/reports/weekly?week=${WEEK}`)).status).toBe(401);
    const member = await report(`?week=${WEEK}`, tokens.member);
    expect(member.status).toBe(403);
    expect(errorCode(member)).toBe('forbidden');
  });

  it('refuses a malformed or non-existent week with invalid_week, and an unknown format', async () => {
    for (const week of ['2026-47', '2026-W7', '2025-W53', '2026-W54', 'W47', '2026-W47;drop']) {
      const result = await report(`?week=${encodeURIComponent(week)}`);
      expect(result.status, week).toBe(400);
      expect(errorCode(result), week).toBe('invalid_week');
    }
    const format = await report(`?week=${WEEK}&format=xlsx`);
    expect(format.status).toBe(400);
    expect(errorCode(format)).toBe('invalid_query');
  });

  it('gives the office the whole community, as the shared function computes it', async () => {
    const result = await report(`?week=${WEEK}`);
    expect(result.status).toBe(200);
    const { stats } = result.body as { stats: NonNullable<ReturnType<typeof weeklyStats>> };
    // The fixture plus the one markup-laden hazard (a copy of h1, team tA, compound c1).
    expect(stats.found.total).toBe(7);
    const expected = weeklyStats(fixtureInput(), WEEK, ZONE)!;
    expect(stats.effort).toEqual(expected.effort);
    expect(stats.coverage).toEqual(expected.coverage);
    expect(stats.open).toEqual(expected.open);
  });

  it("gives a lead their own team's report", async () => {
    const { stats } = (await report(`?week=${WEEK}`, tokens.lead)).body as { stats: { found: { total: number; byTeam: unknown }; effort: { teamId: string }[] } };
    expect(stats.found.total).toBe(4);
    expect(stats.found.byTeam).toEqual([{ key: 'tA', count: 4 }]);
    expect(stats.effort.map((e) => e.teamId)).toEqual(['tA']);
  });

  it('defaults to the last complete week in the community time zone', async () => {
    const { stats } = (await report('')).body as { stats: { week: string } };
    expect(stats.week).toBe(formatIsoWeek(lastCompleteWeek(server.clock.now(), ZONE)));
  });

  it('exports a CSV Excel opens with Chinese intact', async () => {
    const response = await fetch(`${server.url}/api/v1/reports/weekly?week=${WEEK}&format=csv`, { headers: { authorization: `Bearer ${tokens.admin}` } });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="hazards-2026-W47.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(new TextDecoder().decode(bytes.slice(3)), { newline: '\r\n', skipEmptyLines: true }).data;
    expect(rows).toHaveLength(8);
    expect(rows.some((r) => r[4] === '玉林北路1号院' && r[6] === '消防安全')).toBe(true);
  });

  it('exports valid GeoJSON', async () => {
    const result = await call(server.url, `/api/v1/reports/weekly?week=${WEEK}&format=geojson`, { token: tokens.admin });
    expect(result.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    expect(() => check(JSON.stringify(result.body))).not.toThrow();
  });

  it('serves a printable page with user text escaped, embedded photos and its own strict CSP', async () => {
    const result = await report(`?week=${WEEK}&format=html`);
    expect(result.status).toBe(200);
    const page = String(result.body);
    expect(page).toContain('2026-W47');
    expect(page).toContain('玉林北路1号院');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('<img src="data:image/jpeg;base64,/9j/');
    expect(page.match(/<svg class="chart"/g)).toHaveLength(2);
    const csp = result.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain('img-src data:');
    expect(csp).not.toContain('script-src');
    expect(csp).toContain("default-src 'none'");
  });

  it('renders a PDF where Chromium is installed, and says unavailable where it is not', async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const missing = await report(`?week=${WEEK}&format=pdf`);
      expect(missing.status).toBe(503);
      expect(errorCode(missing)).toBe('unavailable');
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
    if (chromiumPath() === null) return;
    const response = await fetch(`${server.url}/api/v1/reports/weekly?week=${WEEK}&format=pdf`, { headers: { authorization: `Bearer ${tokens.admin}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const head = new TextDecoder().decode(new Uint8Array(await response.arrayBuffer()).slice(0, 5));
    expect(head).toBe('%PDF-');
  });
});

describe('the community time zone', () => {
  it('refuses a mistyped COMMUNITY_TZ when the routes are built, not on each request', async () => {
    const { reportRoutes } = await import('../../src/server/routes/reports');
    expect(() => reportRoutes(server.store, { now: () => new Date(), timeZone: 'Asia/Shangai' })).toThrow(/COMMUNITY_TZ must be an IANA time zone/);
    expect(() => reportRoutes(server.store, { now: () => new Date(), timeZone: 'Europe/Berlin' })).not.toThrow();
  });
});
