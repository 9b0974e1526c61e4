// GET /api/v1/config/community: the zone every phone counts report weeks in, as the endpoint does.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/testServer';
import { call, enroll, errorCode } from './helpers/api';

const started: TestServer[] = [];
const savedZone = process.env.COMMUNITY_TZ;
afterEach(async () => {
  for (const server of started.splice(0)) await server.close();
  if (savedZone === undefined) delete process.env.COMMUNITY_TZ;
  else process.env.COMMUNITY_TZ = savedZone;
});

async function serverWithZone(zone: string | undefined): Promise<TestServer> {
  if (zone === undefined) delete process.env.COMMUNITY_TZ;
  else process.env.COMMUNITY_TZ = zone;
  const server = await startTestServer();
  started.push(server);
  return server;
}

// Where a Jianxinglu member belongs, as the endpoint names it.
const JIANXINGLU_PLACE = { communityId: 'community-1', community: { zh: '建兴路社区', en: 'Jianxinglu Community' }, street: { zh: '跳蹬河街道', en: 'Tiaodenghe Street' }, propertyCompanyId: null };

describe('the community config', () => {
  it('gives every enrolled phone the default zone, Asia/Shanghai', async () => {
    const server = await serverWithZone(undefined);
    const { token } = await enroll(server.url, 'DEMO-A-01');
    const result = await call(server.url, '/api/v1/config/community', { token });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ protocol: 'patrol-sync/1', timeZone: 'Asia/Shanghai', place: JIANXINGLU_PLACE });
  });

  it('gives the zone the server is configured with', async () => {
    const server = await serverWithZone('Asia/Urumqi');
    const { token } = await enroll(server.url, 'DEMO-A-LEAD');
    expect((await call(server.url, '/api/v1/config/community', { token })).body).toMatchObject({ timeZone: 'Asia/Urumqi' });
  });

  it('needs a token', async () => {
    const server = await serverWithZone(undefined);
    const result = await call(server.url, '/api/v1/config/community');
    expect(result.status).toBe(401);
    expect(errorCode(result)).toBe('unauthorized');
  });

  it('refuses to start with a mistyped zone', async () => {
    await expect(serverWithZone('Asia/Shangai')).rejects.toThrow(/COMMUNITY_TZ must be an IANA time zone/);
  });
});
