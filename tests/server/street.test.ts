// The street office's routes: a new community with its first admin (whose code enrolls, and whose
// office sees only its own community), the street's property companies, and the dashboard's
// figures on a week whose answers are known: found, open, overdue, times to assign and resolve.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, enroll, hazardCreate } from './helpers/api';
import { pushOutcomes } from './helpers/rounds';
import { startTestServer, type TestServer } from './helpers/testServer';
import { eventMutation, hazardEvent } from '../fixtures/hazardEvents';
import { photoFixture, sha256Of } from '../fixtures/photos';
import { communityCreatedSchema, streetDashboardSchema, streetMapSchema } from '../../src/shared/protocol/street';
import { membersResponseSchema } from '../../src/shared/protocol/admin';

let server: TestServer;
let street: string;
beforeAll(async () => {
  server = await startTestServer();
  street = (await enroll(server.url, 'DEMO-STREET')).token;
});
afterAll(() => server.close());

describe('the street office', () => {
  it('creates a community whose first admin enrolls and runs only that community', async () => {
    const created = await call(server.url, '/api/v1/street/communities', {
      token: street,
      body: { name: { zh: '新鸿社区', en: 'Xinhong Community' }, admin: { name: '新鸿社区办 林' } },
    });
    expect(created.status).toBe(201);
    const { community, admin } = communityCreatedSchema.parse(created.body);
    expect(community).toMatchObject({ name: { zh: '新鸿社区', en: 'Xinhong Community' }, timeZone: null });
    const office = await enroll(server.url, admin.code);
    expect(office.member).toMatchObject({ id: admin.memberId, role: 'admin', teamId: null });
    const members = membersResponseSchema.parse((await call(server.url, '/api/v1/admin/members', { token: office.token })).body).members;
    expect(members.map((m) => m.id)).toEqual([admin.memberId]);
    const listed = (await call(server.url, '/api/v1/street/communities', { token: street })).body as { communities: Array<{ id: string }> };
    expect(listed.communities.map((c) => c.id)).toEqual(expect.arrayContaining(['community-1', 'community-2', 'community-3', community.id]));
    // A single-use code: the second try is refused like any wrong code.
    expect((await call(server.url, '/api/v1/enroll', { body: { code: admin.code, deviceName: 'again' } })).status).toBe(401);
  });

  it('refuses a community with a mistyped zone, and writes nothing', async () => {
    const before = (await server.sql.get<{ n: number }>('SELECT count(*) AS n FROM communities'))!.n;
    const result = await call(server.url, '/api/v1/street/communities', {
      token: street,
      body: { name: { zh: '错', en: 'Wrong' }, timeZone: 'Asia/Chengdu-ish', admin: { name: 'x' } },
    });
    expect(result.status).toBe(400);
    expect((await server.sql.get<{ n: number }>('SELECT count(*) AS n FROM communities'))!.n).toBe(before);
  });

  it('adds a property company that every community of the street can assign', async () => {
    const made = await call(server.url, '/api/v1/street/companies', { token: street, body: { name: { zh: '新物业', en: 'New Property Co.' } } });
    expect(made.status).toBe(201);
    const company = (made.body as { company: { id: string } }).company.id;
    const lead = (await enroll(server.url, 'DEMO-S-LEAD')).token;
    const h = hazardCreate({ compoundId: 'c2-01' });
    const assign = eventMutation(hazardEvent(h.data.id, 'assign', { propertyCompanyId: company }));
    expect(await pushOutcomes(server.url, lead, [h, assign])).toEqual({ [h.id]: 'acked', [assign.id]: 'acked' });
  });

  it('counts each community and company of a known week', async () => {
    // Shanbanqiao, week 2026-W48 (Asia/Shanghai): three hazards found; one assigned after 2 h and
    // resolved 6 h after it was found; one urgent, assigned and overdue by now; one left open.
    const lead = (await enroll(server.url, 'DEMO-T-LEAD')).token;
    const staff = (await enroll(server.url, 'DEMO-PC1-01')).token;
    const found = '2026-11-24T02:00:00.000Z';
    const fixed = hazardCreate({ compoundId: 'c3-02', createdAt: found, severity: 'medium' });
    const urgent = hazardCreate({ compoundId: 'c3-02', createdAt: found, severity: 'urgent' });
    const open = hazardCreate({ compoundId: 'c3-01', createdAt: found, severity: 'low' });
    const assignFixed = eventMutation(hazardEvent(fixed.data.id, 'assign', { propertyCompanyId: 'pc1' }, '2026-11-24T04:00:00.000Z'));
    const assignUrgent = eventMutation(hazardEvent(urgent.data.id, 'assign', { propertyCompanyId: 'pc1' }, '2026-11-24T04:00:00.000Z'));
    const pushed = await pushOutcomes(server.url, lead, [fixed, urgent, open, assignFixed, assignUrgent]);
    expect(Object.values(pushed)).toEqual(['acked', 'acked', 'acked', 'acked', 'acked']);
    // The staff's "after" photo goes up first, as the phone sends it.
    const after = photoFixture('small-1200x900.jpg');
    const photo = sha256Of(after);
    const put = await fetch(`${server.url}/api/v1/photos/${photo}`, { method: 'PUT', headers: { 'content-type': 'image/jpeg', authorization: `Bearer ${staff}` }, body: after });
    expect(put.status).toBe(201);
    const resolve = eventMutation(hazardEvent(fixed.data.id, 'resolve', { note: '已清理', photoIds: [photo] }, '2026-11-24T08:00:00.000Z'));
    const answer = await call(server.url, '/api/v1/sync/push', { token: staff, body: { mutations: [resolve] } });
    expect(answer.body).toMatchObject({ acked: [resolve.id], rejected: [] });

    const result = await call(server.url, '/api/v1/street/dashboard?week=2026-W48', { token: street });
    expect(result.status).toBe(200);
    const dashboard = streetDashboardSchema.parse(result.body);
    expect(dashboard.week).toBe('2026-W48');
    const t = dashboard.communities.find((c) => c.communityId === 'community-3')!;
    expect(t).toMatchObject({ found: 3, open: 2, overdue: 2, compounds: 2, rounds: 0, patrolHours: 0 });
    expect(t.toAssign).toEqual({ count: 2, median: 2, p90: 2 });
    expect(t.toResolve).toEqual({ count: 1, median: 6, p90: 6 });
    expect(t.notVisited.map((k) => k.id)).toEqual(['c3-01', 'c3-02']);
    const pc1 = dashboard.companies.find((c) => c.companyId === 'pc1')!;
    expect(pc1).toMatchObject({ assigned: 2, open: 1, overdue: 1, resolved: 1, communities: 1 });
    expect(pc1.toResolve).toEqual({ count: 1, median: 6, p90: 6 });
  });
});

describe('the street weekly report', () => {
  it('exports the week as CSV for Excel, GeoJSON and a printable page, in both languages', async () => {
    const csv = await fetch(`${server.url}/api/v1/street/report?week=2026-W48&format=csv&lang=en`, { headers: { authorization: `Bearer ${street}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="street-2026-W48.csv"');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    // The BOM Excel needs to read UTF-8 (text() would drop it).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
    expect(text.startsWith('Kind,Name,Found,Open,Overdue,')).toBe(true);
    const lines = text.split('\r\n');
    // One row per community and per company, each count beside its rate.
    expect(lines.find((l) => l.startsWith('community,Shanbanqiao Community,3,2,2,2,2,2,6,6,1,2,2,0,0'))).toBeDefined();
    const zh = await (await fetch(`${server.url}/api/v1/street/report?week=2026-W48&format=csv`, { headers: { authorization: `Bearer ${street}` } })).text();
    expect(zh).toContain('社区,杉板桥社区,3,2,2');
    const geo = (await (await fetch(`${server.url}/api/v1/street/report?week=2026-W48&format=geojson`, { headers: { authorization: `Bearer ${street}` } })).json()) as { features: Array<{ properties: { communityId: string } }> };
    expect(geo.features.filter((f) => f.properties.communityId === 'community-3')).toHaveLength(3);
    const page = await fetch(`${server.url}/api/v1/street/report?week=2026-W48&format=html&lang=zh-CN`, { headers: { authorization: `Bearer ${street}` } });
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const body = await page.text();
    expect(body).toContain('跳蹬河街道 · 街道隐患周报');
    expect(body).toContain('(n=1)');
    const pdf = await fetch(`${server.url}/api/v1/street/report?week=2026-W48&format=pdf`, { headers: { authorization: `Bearer ${street}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('the street map', () => {
  it('gives every community its compounds and the week’s hazards by severity, overdue ones marked, and no track', async () => {
    const result = await call(server.url, '/api/v1/street/map?week=2026-W48', { token: street });
    expect(result.status).toBe(200);
    const map = streetMapSchema.parse(result.body);
    const shanbanqiao = map.communities.find((c) => c.id === 'community-3')!;
    expect(shanbanqiao.compounds.map((k) => k.id)).toEqual(['c3-01', 'c3-02']);
    expect(map.communities.find((c) => c.id === 'community-1')!.compounds).toHaveLength(23);
    const theirs = map.hazards.filter((h) => h.communityId === 'community-3');
    expect(theirs.map((h) => h.severity).sort()).toEqual(['low', 'medium', 'urgent']);
    expect(theirs.find((h) => h.severity === 'urgent')!.overdueMs).toBeGreaterThan(0);
    expect(theirs.find((h) => h.severity === 'medium')!.overdueMs).toBe(0);
    expect(JSON.stringify(result.body)).not.toMatch(/points|track/i);
    // Only the street office: a community's office gets 403.
    const office = (await enroll(server.url, 'DEMO-ADMIN')).token;
    expect((await call(server.url, '/api/v1/street/map', { token: office })).status).toBe(403);
  });
});

