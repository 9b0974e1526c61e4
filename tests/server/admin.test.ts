// The office's device and code routes: a single-use code for a member, and revoking a device
// cuts it off at its next request. Members and leads get 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, enroll, errorCode, hazardCreate } from './helpers/api';
import { startTestServer, type TestServer } from './helpers/testServer';

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = (await enroll(server.url, 'DEMO-ADMIN')).token;
});
afterAll(() => server.close());

describe('admin routes', () => {
  it('creates a single-use code that enrolls the member once', async () => {
    const created = await call(server.url, '/api/v1/admin/enrollment-codes', { token: admin, body: { memberId: 'm-a-03' } });
    expect(created.status).toBe(201);
    const { code } = created.body as { code: string };
    expect((await enroll(server.url, code)).member.id).toBe('m-a-03');
    const again = await call(server.url, '/api/v1/enroll', { body: { code, deviceName: 'second' } });
    expect([again.status, errorCode(again)]).toEqual([401, 'enroll_invalid']);
  });

  it('revokes a device: its next push gets 401 token_revoked and changes nothing', async () => {
    const phone = (await enroll(server.url, 'DEMO-A-04')).token;
    const { body } = await call(server.url, '/api/v1/admin/devices', { token: admin, method: 'GET' });
    const device = (body as { devices: { id: string; memberId: string; revokedAt: string | null }[] }).devices.at(-1)!;
    expect(device.memberId).toBe('m-a-04');
    const revoked = await call(server.url, `/api/v1/admin/devices/${device.id}/revoke`, { token: admin, body: {} });
    expect(revoked.status).toBe(200);
    const hazards = await server.sql.get<{ n: number }>('SELECT count(*) AS n FROM hazards');
    const push = await call(server.url, '/api/v1/sync/push', { token: phone, body: { mutations: [hazardCreate()] } });
    expect([push.status, errorCode(push)]).toEqual([401, 'token_revoked']);
    expect(await server.sql.get('SELECT count(*) AS n FROM hazards')).toEqual(hazards);
  });

  it('refuses members and leads, and unknown devices or members', async () => {
    const lead = (await enroll(server.url, 'DEMO-A-LEAD')).token;
    const asLead = await call(server.url, '/api/v1/admin/enrollment-codes', { token: lead, body: { memberId: 'm-a-03' } });
    expect([asLead.status, errorCode(asLead)]).toEqual([403, 'forbidden']);
    const unknown = await call(server.url, '/api/v1/admin/devices/nope/revoke', { token: admin, body: {} });
    expect(unknown.status).toBe(404);
    const noMember = await call(server.url, '/api/v1/admin/enrollment-codes', { token: admin, body: { memberId: 'm-z-99' } });
    expect(noMember.status).toBe(404);
  });
});

describe('roster and audit', () => {
  it('adds a member who can then be given a code; deactivating cuts their devices off', async () => {
    const added = await call(server.url, '/api/v1/admin/members', {
      token: admin,
      body: { name: '新队员 马丽', teamId: 'team-b', role: 'member', propertyCompanyId: null, seq: 9 },
    });
    expect(added.status).toBe(201);
    const member = (added.body as { member: { id: string; active: boolean } }).member;
    expect(member.active).toBe(true);
    const { body } = await call(server.url, '/api/v1/admin/enrollment-codes', { token: admin, body: { memberId: member.id } });
    const phone = (await enroll(server.url, (body as { code: string }).code)).token;
    expect((await call(server.url, '/api/v1/sync/pull', { token: phone, method: 'GET' })).status).toBe(200);

    const off = await call(server.url, `/api/v1/admin/members/${member.id}`, { token: admin, method: 'PATCH', body: { active: false } });
    expect(off.status).toBe(200);
    const pull = await call(server.url, '/api/v1/sync/pull', { token: phone, method: 'GET' });
    expect([pull.status, errorCode(pull)]).toEqual([401, 'unauthorized']);
  });

  it('adds and renames a team, refuses unknown references, and logs every action', async () => {
    const team = await call(server.url, '/api/v1/admin/teams', { token: admin, body: { name: { zh: '三队', en: 'Team C' } } });
    expect(team.status).toBe(201);
    const teamId = (team.body as { team: { id: string } }).team.id;
    const renamed = await call(server.url, `/api/v1/admin/teams/${teamId}`, { token: admin, method: 'PATCH', body: { name: { zh: '夜巡队', en: 'Night team' } } });
    expect(renamed.status).toBe(200);
    const bad = await call(server.url, '/api/v1/admin/members', { token: admin, body: { name: 'x', teamId: 'team-zz', role: 'member', propertyCompanyId: null } });
    expect([bad.status, errorCode(bad)]).toEqual([400, 'invalid_body']);
    const audit = await call(server.url, '/api/v1/admin/audit', { token: admin, method: 'GET' });
    const actions = (audit.body as { entries: { action: string; actorMemberId: string }[] }).entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['code.create', 'device.revoke', 'member.add', 'member.deactivate', 'team.add', 'team.rename']));
    const entries = (audit.body as { entries: { action: string; actorMemberId: string }[] }).entries;
    // Office actions are the admin's; each enrollment is its own member's.
    expect(entries.filter((e) => e.action !== 'device.enroll').every((e) => e.actorMemberId === 'm-admin')).toBe(true);
    expect(entries.filter((e) => e.action === 'device.enroll').map((e) => e.actorMemberId)).toContain('m-admin');
  });

  it('lets a member list and sign out only their own devices', async () => {
    const first = (await enroll(server.url, 'DEMO-A-07', 'old phone')).token;
    const second = (await enroll(server.url, 'DEMO-A-07', 'new phone')).token;
    const other = (await enroll(server.url, 'DEMO-A-08')).token;
    const listed = await call(server.url, '/api/v1/devices', { token: second, method: 'GET' });
    const devices = (listed.body as { devices: { id: string; name: string; current: boolean }[] }).devices;
    const old = devices.find((d) => d.name === 'old phone')!;
    expect(devices.find((d) => d.current)?.name).toBe('new phone');
    const theirs = await call(server.url, `/api/v1/devices/${old.id}/sign-out`, { token: other, body: {} });
    expect(theirs.status).toBe(404);
    expect((await call(server.url, `/api/v1/devices/${old.id}/sign-out`, { token: second, body: {} })).status).toBe(200);
    const cut = await call(server.url, '/api/v1/sync/pull', { token: first, method: 'GET' });
    expect([cut.status, errorCode(cut)]).toEqual([401, 'token_revoked']);
  });
});
