// Enrollment: demo codes map to the right members; wrong, used and expired codes get 401.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENROLLMENTS } from '../../src/server/seed/demoCommunity';
import { createEnrollmentCode, CODE_LIFETIME_MS } from '../../src/server/store/enrollment';
import { call, enroll, errorCode } from './helpers/api';
import { startTestServer, type TestServer } from './helpers/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('POST /api/v1/enroll', () => {
  it('returns a token and the member for a demo code', async () => {
    const result = await call(server.url, '/api/v1/enroll', { body: { code: 'DEMO-A-01', deviceName: 'Pixel' } });
    expect(result.status).toBe(201);
    expect(result.body).toEqual({
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      member: { id: 'm-a-01', name: '李秀英', teamId: 'team-a', role: 'member' },
      place: { communityId: 'community-1', community: { zh: '建兴路社区', en: 'Jianxinglu Community' }, street: { zh: '跳蹬河街道', en: 'Tiaodenghe Street' }, propertyCompanyId: null },
    });
  });

  it('names the street for its own people: the street office and a company’s staff', async () => {
    const office = await call(server.url, '/api/v1/enroll', { body: { code: 'DEMO-STREET', deviceName: 'Pixel' } });
    expect((office.body as { place: unknown }).place).toEqual({ communityId: null, community: null, street: { zh: '跳蹬河街道', en: 'Tiaodenghe Street' }, propertyCompanyId: null });
    const staff = await call(server.url, '/api/v1/enroll', { body: { code: 'DEMO-PC1-01', deviceName: 'Pixel' } });
    expect((staff.body as { place: unknown }).place).toEqual({ communityId: null, community: null, street: { zh: '跳蹬河街道', en: 'Tiaodenghe Street' }, propertyCompanyId: 'pc1' });
  });

  it('enrolls every listed demo code to its member and role, reusably', async () => {
    expect(DEMO_ENROLLMENTS.map((e) => e.code)).toHaveLength(25);
    for (const { code, member } of DEMO_ENROLLMENTS) {
      const first = await enroll(server.url, code);
      expect(first.member).toEqual({ id: member.id, name: member.name, teamId: member.teamId, role: member.role });
      const second = await enroll(server.url, code.toLowerCase());
      expect(second.member.id).toBe(member.id);
      expect(second.token).not.toBe(first.token);
    }
    expect((await enroll(server.url, 'DEMO-A-LEAD')).member.role).toBe('lead');
    expect((await enroll(server.url, 'DEMO-ADMIN')).member).toMatchObject({ role: 'admin', teamId: null });
  });

  it('refuses a wrong code with enroll_invalid', async () => {
    const result = await call(server.url, '/api/v1/enroll', { body: { code: 'DEMO-C-01', deviceName: 'x' } });
    expect(result.status).toBe(401);
    expect(errorCode(result)).toBe('enroll_invalid');
  });

  it('refuses a body without a code as invalid_body', async () => {
    const result = await call(server.url, '/api/v1/enroll', { body: { deviceName: 'x' } });
    expect(result.status).toBe(400);
    expect(errorCode(result)).toBe('invalid_body');
  });

  it('uses a random code once, and not after it expires', async () => {
    const used = await createEnrollmentCode(server.sql, 'm-b-03', server.clock.now());
    expect((await enroll(server.url, used.code)).member.id).toBe('m-b-03');
    const again = await call(server.url, '/api/v1/enroll', { body: { code: used.code, deviceName: 'x' } });
    expect(errorCode(again)).toBe('enroll_invalid');

    const stale = await createEnrollmentCode(server.sql, 'm-b-04', new Date(server.clock.now().getTime() - CODE_LIFETIME_MS - 1));
    const expired = await call(server.url, '/api/v1/enroll', { body: { code: stale.code, deviceName: 'x' } });
    expect(expired.status).toBe(401);
    expect(errorCode(expired)).toBe('enroll_invalid');
  });
});

describe('outside demo mode', () => {
  it('does not honour demo codes left in the database', async () => {
    const prod = await startTestServer({ demo: false, dataDir: server.dataDir });
    try {
      const result = await call(prod.url, '/api/v1/enroll', { body: { code: 'DEMO-A-01', deviceName: 'x' } });
      expect(result.status).toBe(401);
      expect(errorCode(result)).toBe('enroll_invalid');
    } finally {
      await prod.close();
    }
  });
});
