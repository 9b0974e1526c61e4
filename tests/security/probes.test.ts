// Probes that must be refused (or must see nothing) — table-driven against the real endpoint.
// Each asserts the exact status and error code, and that the database is exactly as before
// (see helpers/snapshot.ts). Numbers follow issue 7's list.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, afterEach, expect, it } from 'vitest';
import { errorBodySchema } from '../../src/shared/protocol/errors';
import type { ErrorCode } from '../../src/shared/protocol/codes';
import { pullResponseSchema, pushResponseSchema } from '../../src/shared/protocol/sync';
import { MAX_MUTATIONS_PER_PUSH } from '../../src/shared/protocol/limits';
import { encodeCursor } from '../../src/server/http/cursor';
import { revokeDevice } from '../../src/server/store/devices';
import { call, enroll, errorCode, hazardCreate, push, type ApiResult } from '../server/helpers/api';
import { INDEX_MARKER, OUTSIDE_MARKER, startSecurityServer, type SecurityServer } from './helpers/securityServer';
import { rawRequest } from './helpers/rawHttp';
import { snapshot, type DbSnapshot } from './helpers/snapshot';

let server: SecurityServer;
const tokens = { memberA: '', leadA: '', revoked: '', deactivated: '' };
const TEAM_B_PRIVATE = 'team-b-private';

beforeAll(async () => {
  server = await startSecurityServer();
  tokens.memberA = (await enroll(server.url, 'DEMO-A-05')).token;
  tokens.leadA = (await enroll(server.url, 'DEMO-A-LEAD')).token;
  tokens.revoked = (await enroll(server.url, 'DEMO-A-06', 'lost phone')).token;
  const lost = (await server.sql.get<{ id: string }>("SELECT id FROM devices WHERE name = 'lost phone'"))!.id;
  await revokeDevice(server.sql, lost, server.clock.now());
  tokens.deactivated = (await enroll(server.url, 'DEMO-B-07')).token;
  // Roster management is not built yet: deactivate the member the way it will, in the table.
  await server.sql.run("UPDATE members SET active = 0 WHERE id = 'm-b-07'");
  // A team-private change as rounds will write them; only team B's lead and admins may see it.
  await server.sql.transaction(async (tx) =>
    tx.publish({ entity: 'team', op: 'put', id: TEAM_B_PRIVATE, data: { id: TEAM_B_PRIVATE, name: { zh: '二队（内部）', en: 'Team B (private)' } } }, 'c:community-1:team:team-b'),
  );
});
afterAll(() => server.close());

let before: DbSnapshot;
beforeEach(async () => {
  before = await snapshot(server.sql);
});
afterEach(async () => {
  expect(await snapshot(server.sql), 'the database changed').toEqual(before);
});

interface Probe {
  name: string;
  send: () => Promise<ApiResult>;
  status: number;
  /** The error code, or null for a 200 whose body `check` inspects. */
  code: ErrorCode | null;
  check?: (result: ApiResult) => void;
}

const pushAs = (token: string | undefined) => call(server.url, '/api/v1/sync/push', { token, body: { mutations: [hazardCreate()] } });
const pullAs = (token: string | undefined, query = '?limit=1000') => call(server.url, `/api/v1/sync/pull${query}`, { token });
const errorMessage = (r: ApiResult) => errorBodySchema.parse(r.body).error.message;
const randomToken = () => randomBytes(32).toString('base64url');

function seesTeamBPrivate(result: ApiResult): boolean {
  const page = pullResponseSchema.parse(result.body);
  expect(page.hasMore).toBe(false);
  return page.changes.some((c) => c.id === TEAM_B_PRIVATE);
}
const teamBPrivateSeq = async () => (await server.sql.get<{ seq: number }>('SELECT seq FROM changes WHERE entity_id = ?', [TEAM_B_PRIVATE]))!.seq;

const authProbes: Probe[] = (
  [
    ['no token', () => undefined, 'unauthorized'],
    ['a malformed token', () => 'not-a-token', 'unauthorized'],
    ['a random well-formed token', randomToken, 'unauthorized'],
    ["a revoked device's token", () => tokens.revoked, 'token_revoked'],
    ["a deactivated member's token", () => tokens.deactivated, 'unauthorized'],
  ] as const
).flatMap(([what, token, code]) => [
  { name: `probe 1: push with ${what}`, send: () => pushAs(token()), status: 401, code },
  { name: `probe 1: pull with ${what}`, send: () => pullAs(token()), status: 401, code },
]);

const probes: Probe[] = [
  ...authProbes,
  {
    name: "probe 2: a team-A member's pull holds no team-B-scoped change",
    send: () => pullAs(tokens.memberA),
    status: 200,
    code: null,
    check: (r) => expect(seesTeamBPrivate(r)).toBe(false),
  },
  {
    name: "probe 2: a team-A lead's pull holds no team-B-scoped change",
    send: () => pullAs(tokens.leadA),
    status: 200,
    code: null,
    check: (r) => expect(seesTeamBPrivate(r)).toBe(false),
  },
  {
    name: "probe 2: a cursor aimed just before a team-B change doesn't reveal it",
    send: async () => pullAs(tokens.leadA, `?cursor=${encodeCursor((await teamBPrivateSeq()) - 1)}&limit=1000`),
    status: 200,
    code: null,
    check: (r) => expect(seesTeamBPrivate(r)).toBe(false),
  },
  {
    name: 'probe 3: a member on GET /admin/devices',
    send: () => call(server.url, '/api/v1/admin/devices', { token: tokens.memberA }),
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'probe 3: a lead on GET /admin/devices',
    send: () => call(server.url, '/api/v1/admin/devices', { token: tokens.leadA }),
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'probe 6: a JSON body over 1 MB',
    // Valid mutations, so only the size can be what refuses it.
    send: () => push(server.url, tokens.memberA, Array.from({ length: 480 }, () => hazardCreate({ description: 'x'.repeat(2000) }))),
    status: 413,
    code: 'payload_too_large',
  },
  {
    name: `probe 6: ${MAX_MUTATIONS_PER_PUSH + 1} mutations in one push (under 1 MB)`,
    send: () => push(server.url, tokens.memberA, Array.from({ length: MAX_MUTATIONS_PER_PUSH + 1 }, () => hazardCreate())),
    status: 400,
    code: 'invalid_body',
    check: (r) => expect(errorMessage(r)).toBe(`mutations: Too big: expected array to have <=${MAX_MUTATIONS_PER_PUSH} items`),
  },
  {
    // Per mutation since one bad element stopped costing the batch: each refused alone, nothing written.
    name: 'probe 10: hostile elements in a push (SQL in the type, an XSS id, a forged role, no id) → each refused invalid',
    send: () => {
      const m = hazardCreate();
      return push(server.url, tokens.memberA, [
        { ...m, type: "hazard.create'; DROP TABLE hazards;--" },
        { ...hazardCreate(), id: '<img src=x onerror=alert(1)>' },
        { ...m, data: { ...m.data, severity: { $gt: '' } } },
        { type: 'hazard.create', data: m.data },
        null,
      ]);
    },
    status: 200,
    code: null,
    check: (r) => {
      const body = pushResponseSchema.parse(r.body);
      expect(body.acked).toEqual([]);
      expect(body.rejected.map((x) => [x.id, x.code])).toEqual([
        [expect.any(String), 'invalid'],
        ['<img src=x onerror=alert(1)>', 'invalid'],
        [expect.any(String), 'invalid'],
        ['', 'invalid'],
        ['', 'invalid'],
      ]);
      expect(r.headers.get('content-type')).toContain('application/json');
    },
  },
];

it.each(probes.map((p) => [p.name, p] as const))('%s', async (_name, probe) => {
  const result = await probe.send();
  expect(result.status, JSON.stringify(result.body)).toBe(probe.status);
  if (probe.code !== null) {
    expect(result.body).toEqual({ error: { code: probe.code, message: expect.any(String) } });
    expect(errorCode(result)).toBe(probe.code);
  }
  probe.check?.(result);
});

// Probes 7, 8 and 9 (photo type, hash mismatch, photo-id traversal) are in photos.test.ts.

// Paths sent byte for byte. The app's routes fall back to index.html (200); /assets/ never does
// (404). Either way, nothing from outside STATIC_DIR may come back.
it.each([
  ['/../../etc/passwd', 200],
  ['/%2e%2e/%2e%2e/etc/passwd', 200],
  ['/..%2f..%2f..%2fetc%2fpasswd', 200],
  ['/../secret.txt', 200],
  ['/%2e%2e/secret.txt', 200],
  ['/..%5csecret.txt', 200],
  ['/assets/../../secret.txt', 200],
  ['/assets/..%2f..%2fpackage.json', 404],
  ['/assets/%2e%2e/%2e%2e/package.json', 200],
  ['/assets/..%5c..%5cpackage.json', 404],
  ['/assets/%252e%252e/%252e%252e/package.json', 404],
])('static path traversal: GET %s never serves a file outside STATIC_DIR (%i)', async (path, status) => {
  const result = await rawRequest({ port: server.port, path });
  expect(result.body).not.toContain(OUTSIDE_MARKER);
  expect(result.body).not.toContain('root:');
  expect(result.status).toBe(status);
  if (status === 200) expect(result.body).toContain(INDEX_MARKER);
});
