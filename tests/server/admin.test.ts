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
    const hazards = server.db.prepare('SELECT count(*) AS n FROM hazards').get() as { n: number };
    const push = await call(server.url, '/api/v1/sync/push', { token: phone, body: { mutations: [hazardCreate()] } });
    expect([push.status, errorCode(push)]).toEqual([401, 'token_revoked']);
    expect(server.db.prepare('SELECT count(*) AS n FROM hazards').get()).toEqual(hazards);
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
