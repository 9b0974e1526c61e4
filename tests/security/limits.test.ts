// Limits and failure answers: the per-device rate limit (429 + Retry-After, configurable so a
// small one can be tested), the request deadline (503 JSON for a stalled body), and a 500 that
// says "internal" and nothing more. Each leaves the database as it was.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RATE_LIMIT } from '../../src/server/http/rateLimit';
import { DEFAULT_REQUEST_TIMEOUT_MS } from '../../src/server/http/requestTimeout';
import { openStore } from '../../src/server/store/openStore';
import { call, enroll, errorCode, hazardCreate, push } from '../server/helpers/api';
import { rawRequest } from './helpers/rawHttp';
import { startSecurityServer, type SecurityServer } from './helpers/securityServer';
import { snapshot } from './helpers/snapshot';

let server: SecurityServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  vi.restoreAllMocks();
});

describe('per-device rate limit', () => {
  it('defaults to 600 requests a minute with a burst of 600', () => {
    expect(DEFAULT_RATE_LIMIT).toEqual({ burst: 600, perMinute: 600 });
  });

  it('answers 429 rate_limited with Retry-After past the limit, per device, and writes nothing', async () => {
    const s = (server = await startSecurityServer({ rateLimit: { burst: 5, perMinute: 6 } }));
    const token = (await enroll(s.url, 'DEMO-A-02')).token;
    const other = (await enroll(s.url, 'DEMO-A-03')).token;
    for (let i = 1; i <= 5; i++) expect((await call(s.url, '/api/v1/sync/pull', { token })).status, `request ${i}`).toBe(200);

    const before = await snapshot(s.sql);
    const refused = await push(s.url, token, [hazardCreate()]);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
    // 6 a minute: the next request is allowed 10 s later.
    expect(refused.headers.get('retry-after')).toBe('10');
    expect(await snapshot(s.sql)).toEqual(before);
    expect((await call(s.url, '/api/v1/sync/pull', { token: other })).status).toBe(200);

    s.clock.advance(9_999);
    expect((await call(s.url, '/api/v1/sync/pull', { token })).status).toBe(429);
    s.clock.advance(1);
    expect((await call(s.url, '/api/v1/sync/pull', { token })).status).toBe(200);
  });
});

describe('request deadline', () => {
  it('defaults to 30 s', () => {
    expect(DEFAULT_REQUEST_TIMEOUT_MS).toBe(30_000);
  });

  it('answers a push whose body stalls with 503 JSON and closes the connection, writing nothing', async () => {
    const s = (server = await startSecurityServer({ requestTimeoutMs: 200 }));
    const token = (await enroll(s.url, 'DEMO-A-04')).token;
    const before = await snapshot(s.sql);
    const body = JSON.stringify({ mutations: [hazardCreate()] });
    const result = await rawRequest({
      port: s.port,
      method: 'POST',
      path: '/api/v1/sync/push',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': String(body.length) },
      body: body.slice(0, 40),
      stall: true,
    });
    expect(result.status).toBe(503);
    expect(JSON.parse(result.body)).toEqual({ error: { code: 'internal', message: 'the request took longer than 0.2 s; try again' } });
    expect(result.headers.connection).toBe('close');
    expect(await snapshot(s.sql)).toEqual(before);
  });
});

describe('500 answers', () => {
  it('carry {"error":{"code":"internal"}} and no stack, the stack going to stderr only', async () => {
    const s = (server = await startSecurityServer());
    const token = (await enroll(s.url, 'DEMO-A-07')).token;
    const before = await snapshot(s.sql);
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // A real fault, not a test-only route: the database goes away under the running server.
    await s.store.close();
    for (const result of [
      await call(s.url, '/api/v1/sync/pull', { token }),
      await push(s.url, token, [hazardCreate()]),
      await call(s.url, '/api/v1/enroll', { body: { code: 'DEMO-A-08', deviceName: 'phone' } }),
    ]) {
      expect(result.status).toBe(500);
      expect(result.body).toEqual({ error: { code: 'internal', message: 'internal error' } });
      expect(errorCode(result)).toBe('internal');
      expect(JSON.stringify(result.body)).not.toMatch(/\bat |\.ts:|node_modules|database/i);
    }
    expect(stderr).toHaveBeenCalledTimes(3);
    const reopened = await openStore({ dataDir: s.dataDir, databaseUrl: s.databaseUrl });
    try {
      expect(await snapshot(reopened.sql)).toEqual(before);
    } finally {
      await reopened.close();
    }
  });
});
