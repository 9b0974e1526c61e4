// The error contract: 401 for no, bad or revoked tokens, 403 for the wrong role, 413 for big
// bodies, 400 for invalid ones, always as JSON and never with partial writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeDevice } from '../../src/server/store/devices';
import { call, enroll, errorCode, hazardCreate, push } from './helpers/api';
import { startTestServer, type TestServer } from './helpers/testServer';

let server: TestServer;
let memberToken: string;
beforeAll(async () => {
  server = await startTestServer();
  memberToken = (await enroll(server.url, 'DEMO-A-03')).token;
});
afterAll(() => server.close());

const pull = (headers: Record<string, string>) =>
  fetch(`${server.url}/api/v1/sync/pull`, { headers }).then(async (r) => ({ status: r.status, body: await r.json() }));

describe('401 unauthorized', () => {
  it('refuses a missing, malformed or unknown token', async () => {
    const cases: Record<string, string>[] = [{}, { authorization: 'Bearer' }, { authorization: 'Basic abc' }, { authorization: 'Bearer not-a-token' }, { authorization: `Bearer ${'A'.repeat(43)}` }];
    for (const headers of cases) {
      const result = await pull(headers);
      expect(result.status, JSON.stringify(headers)).toBe(401);
      expect(result.body).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    }
  });

  it('refuses a revoked device with token_revoked', async () => {
    const enrolled = await enroll(server.url, 'DEMO-A-04');
    const devices = await server.sql.all<{ id: string }>("SELECT id FROM devices WHERE member_id = 'm-a-04'");
    expect(devices).toHaveLength(1);
    const deviceId = devices[0]!.id;
    expect((await call(server.url, '/api/v1/sync/pull', { token: enrolled.token })).status).toBe(200);
    await revokeDevice(server.sql, deviceId, new Date());
    const result = await call(server.url, '/api/v1/sync/pull', { token: enrolled.token });
    expect(result.status).toBe(401);
    expect(errorCode(result)).toBe('token_revoked');
  });
});

describe('403 forbidden', () => {
  it('keeps members and leads off admin routes, and lets the admin in without token hashes', async () => {
    const lead = (await enroll(server.url, 'DEMO-A-LEAD')).token;
    for (const token of [memberToken, lead]) {
      const result = await call(server.url, '/api/v1/admin/devices', { token });
      expect(result.status).toBe(403);
      expect(errorCode(result)).toBe('forbidden');
    }
    const admin = (await enroll(server.url, 'DEMO-ADMIN')).token;
    const result = await call(server.url, '/api/v1/admin/devices', { token: admin });
    expect(result.status).toBe(200);
    expect(JSON.stringify(result.body)).toContain('m-a-03');
    expect(JSON.stringify(result.body)).not.toMatch(/token|hash/i);
  });
});

describe('413 and 400 write nothing', () => {
  const snapshot = () =>
    Promise.all(['hazards', 'applied_mutations', 'changes'].map(async (t) => (await server.sql.get<{ n: number }>(`SELECT count(*) AS n FROM ${t}`))!.n));

  it('refuses a body over 1 MB with payload_too_large', async () => {
    const before = await snapshot();
    const big = [hazardCreate({ description: 'x'.repeat(1900) })];
    const mutations = Array.from({ length: 600 }, () => big[0]);
    const result = await push(server.url, memberToken, mutations);
    expect(result.status).toBe(413);
    expect(errorCode(result)).toBe('payload_too_large');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a streamed body over 1 MB that has no Content-Length', async () => {
    const before = await snapshot();
    const chunk = new TextEncoder().encode(`{"mutations":[${'"x",'.repeat(100_000)}`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 3) return controller.close();
        sent++;
        controller.enqueue(chunk);
      },
    });
    const init = { method: 'POST', headers: { authorization: `Bearer ${memberToken}` }, body, duplex: 'half' };
    const response = await fetch(`${server.url}/api/v1/sync/push`, init);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['missing mutations', {}, 'mutations'],
    ['mutations that are not a list', { mutations: 'none' }, 'mutations'],
  ])('refuses %s with invalid_body naming the path', async (_name, body, path) => {
    const before = await snapshot();
    const result = await call(server.url, '/api/v1/sync/push', { token: memberToken, body });
    expect(result.status).toBe(400);
    expect(errorCode(result)).toBe('invalid_body');
    expect(JSON.stringify(result.body)).toContain(path);
    expect(await snapshot()).toEqual(before);
  });

  // One bad mutation is refused alone (200, per-mutation `invalid`), never the batch: see pushInvalid.test.ts.
  it.each([
    ['a bad uuid', { ...hazardCreate(), id: 'not-a-uuid' }, 'id: '],
    ['a bad severity', { ...hazardCreate(), data: { ...hazardCreate().data, severity: 'extreme' } }, 'data.severity: '],
  ])('refuses a mutation with %s as invalid, naming the path, writing nothing', async (_name, mutation, path) => {
    const before = await snapshot();
    const result = await call(server.url, '/api/v1/sync/push', { token: memberToken, body: { mutations: [mutation] } });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ acked: [], rejected: [{ id: mutation.id, code: 'invalid', message: expect.stringContaining(path) }] });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a body that is not JSON', async () => {
    const result = await call(server.url, '/api/v1/sync/push', { token: memberToken, rawBody: '{"mutations": [' });
    expect(result.status).toBe(400);
    expect(errorCode(result)).toBe('invalid_body');
  });
});
