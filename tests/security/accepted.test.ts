// Probes the endpoint accepts, and must store exactly as the server decides: forged authorship
// and server fields are ignored (2, 4), SQL metacharacters and markup are stored and returned
// verbatim (10, 11). "Nothing else changed": each push may add exactly its hazard, its change
// row and its applied-mutation record (a rejected one only the record), and nothing more.
import { NEW_HAZARD_LIFECYCLE } from '../../src/shared/domain/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollResponseSchema, pullResponseSchema, pushResponseSchema, type Change, type Mutation } from '../../src/shared/protocol/sync';
import { sha256Hex } from '../../src/server/auth/secrets';
import { call, enroll, hazardCreate, push } from '../server/helpers/api';
import { startSecurityServer, type SecurityServer } from './helpers/securityServer';
import { changedTables, snapshot } from './helpers/snapshot';

let server: SecurityServer;
let memberA = '';
let readerB = '';
let admin = '';
beforeAll(async () => {
  server = await startSecurityServer();
  memberA = (await enroll(server.url, 'DEMO-A-08')).token;
  readerB = (await enroll(server.url, 'DEMO-B-09')).token;
  admin = (await enroll(server.url, 'DEMO-ADMIN')).token;
});
afterAll(() => server.close());

const ONE_HAZARD = { hazards: 1, changes: 1, applied_mutations: 1 };
const ONE_REJECTION = { applied_mutations: 1 };

/** Pushes one mutation as member A; asserts the ack or rejection and exactly which tables changed. */
async function pushOne(mutation: unknown, id: string, outcome: 'acked' | 'rejected'): Promise<void> {
  const before = await snapshot(server.sql);
  const result = await push(server.url, memberA, [mutation]);
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  const response = pushResponseSchema.parse(result.body);
  expect(outcome === 'acked' ? response.acked : response.rejected.map((r) => r.id)).toEqual([id]);
  expect(changedTables(before, await snapshot(server.sql))).toEqual(outcome === 'acked' ? ONE_HAZARD : ONE_REJECTION);
}

const hazardRow = (id: string) => server.sql.get('SELECT * FROM hazards WHERE id = ?', [id]);

async function pulledHazard(id: string): Promise<Extract<Change, { entity: 'hazard' }>['data']> {
  const page = pullResponseSchema.parse((await call(server.url, '/api/v1/sync/pull?limit=1000', { token: readerB })).body);
  expect(page.hasMore).toBe(false);
  const found = page.changes.find((c): c is Extract<Change, { entity: 'hazard' }> => c.entity === 'hazard' && c.id === id);
  if (!found) throw new Error(`hazard ${id} not in the pull`);
  return found.data;
}

describe('probes 2 and 4: authorship and server fields come from the server', () => {
  it('probe 2: a team-A member cannot write a hazard as team B or as another reporter', async () => {
    const m = hazardCreate({ description: 'probe 2 write' });
    await pushOne({ ...m, data: { ...m.data, reporterId: 'm-b-lead', teamId: 'team-b' } }, m.id, 'acked');
    expect(await hazardRow(m.data.id)).toMatchObject({ reporter_id: 'm-a-08', team_id: 'team-a' });
    expect(await pulledHazard(m.data.id)).toMatchObject({ reporterId: 'm-a-08', teamId: 'team-a' });
  });

  it('probe 4: extra fields (role, seq, serverTime, reporterId, status, receivedAt, teamId) are ignored', async () => {
    const m = hazardCreate({ description: 'probe 4 extra fields' });
    const forged = {
      ...m,
      role: 'admin',
      seq: 1,
      serverTime: '2000-01-01T00:00:00.000Z',
      data: {
        ...m.data,
        role: 'admin',
        seq: 1,
        serverTime: '2000-01-01T00:00:00.000Z',
        reporterId: 'm-admin',
        teamId: 'team-b',
        status: 'resolved',
        receivedAt: '2000-01-01T00:00:00.000Z',
      },
    };
    await pushOne(forged, m.id, 'acked');
    const serverValues = { reporter_id: 'm-a-08', team_id: 'team-a', status: 'open', received_at: server.clock.now().toISOString() };
    expect(await hazardRow(m.data.id)).toMatchObject(serverValues);
    const pulled = await pulledHazard(m.data.id);
    expect(pulled).toEqual({
      ...m.data,
      reporterId: 'm-a-08',
      teamId: 'team-a',
      status: 'open',
      receivedAt: serverValues.received_at,
      ...NEW_HAZARD_LIFECYCLE,
      updatedAt: serverValues.received_at,
    });
    const stored = JSON.stringify([await hazardRow(m.data.id), await server.sql.get('SELECT data FROM changes WHERE entity_id = ?', [m.data.id])]);
    for (const leaked of ['serverTime', 'seq', 'role', '2000-01-01', '"resolved"', 'm-admin', 'team-b']) expect(stored).not.toContain(leaked);
    // The pushing device's role is unchanged.
    expect(await server.sql.get("SELECT role FROM members WHERE id = 'm-a-08'")).toEqual({ role: 'member' });
  });
});

// Valid, NUL-free text only: a lone surrogate cannot be stored as UTF-8 by anyone.
const TEXT_PAYLOADS = [
  "'; DROP TABLE hazards; --",
  '" OR 1=1 --',
  '\\',
  "\\'; SELECT * FROM devices; --",
  "Robert'); DELETE FROM devices WHERE ('1'='1",
  '%_ LIKE wildcards %',
  'Ω≈ç√∫ \u202eright-to-left\u202c \u200bzero-width\ufeff',
  '🔥🚒👩🏽‍🚒',
  '三栋消防通道被堵塞，“请”尽快处理',
  'line one\nline two\ttabbed',
];

describe('probe 10: SQL metacharacters are stored verbatim', () => {
  it.each(TEXT_PAYLOADS.map((p) => [JSON.stringify(p), p]))('description %s', async (_name, payload) => {
    const m = hazardCreate({ description: payload });
    await pushOne(m, m.id, 'acked');
    expect(await server.sql.get('SELECT description FROM hazards WHERE id = ?', [m.data.id])).toEqual({ description: payload });
    expect((await pulledHazard(m.data.id)).description).toBe(payload);
  });

  it.each(TEXT_PAYLOADS.map((p) => [JSON.stringify(p), p]))('categoryId and compoundId %s: refused by value, nothing run', async (_name, payload) => {
    const id = payload.slice(0, 64);
    for (const patch of [{ categoryId: id }, { compoundId: id }]) {
      const m: Mutation = hazardCreate(patch);
      await pushOne(m, m.id, 'rejected');
      const row = await server.sql.get<{ reject_message: string }>('SELECT reject_message FROM applied_mutations WHERE id = ?', [m.id]);
      expect(String(row?.reject_message)).toContain(JSON.stringify(id));
    }
  });

  it.each(TEXT_PAYLOADS.map((p) => [JSON.stringify(p), p]))('device name %s', async (_name, payload) => {
    const result = await call(server.url, '/api/v1/enroll', { body: { code: 'DEMO-A-10', deviceName: payload } });
    expect(result.status).toBe(201);
    const { token } = enrollResponseSchema.parse(result.body);
    expect(await server.sql.get('SELECT name FROM devices WHERE token_hash = ?', [sha256Hex(token)])).toEqual({ name: payload });
    const listed = await call(server.url, '/api/v1/admin/devices', { token: admin });
    expect(JSON.stringify(listed.body)).toContain(JSON.stringify(payload));
  });
});

describe('probe 11: markup is data to the API', () => {
  const XSS = `<img src=x onerror="alert('xss')"><script>alert(1)</script></textarea>"'&amp;`;

  it('stores an XSS description verbatim and returns it as JSON with nosniff', async () => {
    const m = hazardCreate({ description: XSS });
    await pushOne(m, m.id, 'acked');
    expect(await server.sql.get('SELECT description FROM hazards WHERE id = ?', [m.data.id])).toEqual({ description: XSS });
    const response = await fetch(`${server.url}/api/v1/sync/pull?limit=1000`, { headers: { authorization: `Bearer ${readerB}` } });
    expect(response.headers.get('content-type')).toMatch(/^application\/json\b/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const page = pullResponseSchema.parse(await response.json());
    expect(page.changes.find((c) => c.id === m.data.id)?.data).toMatchObject({ description: XSS });
  });

  it('stores an XSS device name verbatim and lists it to the admin as JSON', async () => {
    expect((await call(server.url, '/api/v1/enroll', { body: { code: 'DEMO-A-11', deviceName: XSS } })).status).toBe(201);
    const response = await fetch(`${server.url}/api/v1/admin/devices`, { headers: { authorization: `Bearer ${admin}` } });
    expect(response.headers.get('content-type')).toMatch(/^application\/json\b/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(JSON.stringify(await response.json())).toContain(JSON.stringify(XSS));
  });
});
