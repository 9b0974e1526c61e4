// Cross-community probes of the reads and the offices' routes: weekly reports, the rounds of a
// period, photos, a community office's /admin and the street office's /street. Each asserts the
// exact status and error code, and that the database is exactly as before (helpers/snapshot.ts).
// The sync probes (pull, push) are in communities.test.ts.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ErrorCode } from '../../src/shared/protocol/codes';
import type { WeeklyReportJson } from '../../src/shared/protocol/reports';
import { roundsRangeResponseSchema } from '../../src/shared/protocol/rounds';
import { communitiesResponseSchema, companiesResponseSchema, streetDashboardSchema } from '../../src/shared/protocol/street';
import { call, errorCode, type ApiResult } from '../server/helpers/api';
import { snapshot } from './helpers/snapshot';
import { HAZARD_WEEK, peopleOf, ROUNDS_PERIOD, SHUANGLIN, startTwoCommunities, type Code, type TwoCommunities } from './helpers/twoCommunities';

let world: TwoCommunities;
beforeAll(async () => {
  world = await startTwoCommunities();
});
afterAll(() => world.server.close());

interface Probe {
  name: string;
  send: () => Promise<ApiResult>;
  status: number;
  /** The error code, or null for a success whose body `check` inspects. */
  code: ErrorCode | null;
  check?: (result: ApiResult) => Promise<void> | void;
}

type Init = { method?: string; body?: unknown };
const as = (code: Code, path: string, init: Init = {}) => call(world.server.url, `/api/v1${path}`, { ...init, token: world.tokens[code] });

/** A path, or one read when the probe runs (ids the setup made). */
type Path = string | (() => string);
const pathOf = (path: Path) => (typeof path === 'string' ? path : path());

/** `code` calling `path` is answered 200, and `check` reads the body. */
const answered = (name: string, code: Code, path: Path, check: Probe['check']): Probe => ({ name, send: () => as(code, pathOf(path)), status: 200, code: null, check });
/** `code` calling `path` is refused with exactly `status` and `error`. */
const refused = (name: string, code: Code, path: Path, status: number, error: ErrorCode, init: Init = {}): Probe => ({
  name,
  send: () => as(code, pathOf(path), init),
  status,
  code: error,
});

/** The report's found count and open hazards: exactly one, the community's own. */
const reportOf = (hazard: () => string) => (r: ApiResult) => {
  // No schema for the report's JSON (the app never reads it): its shared type, as the route writes it.
  const { stats } = r.body as WeeklyReportJson;
  expect(stats.found.total).toBe(1);
  expect(stats.open.hazards.map((h) => h.hazardId)).toEqual([hazard()]);
};
const weekly = (query: string) => `/reports/weekly?week=${HAZARD_WEEK}&${query}`;
const jianxinglu = () => world.jianxinglu.hazard;

const reportProbes: Probe[] = [
  answered('reports: DEMO-ADMIN asking for community-2 gets Jianxinglu’s report', 'DEMO-ADMIN', weekly('community=community-2'), reportOf(jianxinglu)),
  answered('reports: DEMO-ADMIN’s CSV for community-2 has Jianxinglu’s hazard and not Shuanglin’s', 'DEMO-ADMIN', weekly('community=community-2&format=csv'), (r) => {
    expect(r.body).toContain(world.jianxinglu.hazard);
    expect(r.body).not.toContain(world.shuanglin.hazard);
  }),
  answered('reports: DEMO-A-LEAD asking for community-2 gets team A’s report', 'DEMO-A-LEAD', weekly('community=community-2'), reportOf(jianxinglu)),
  answered('reports: DEMO-STREET with ?community=community-2 gets Shuanglin’s figures', 'DEMO-STREET', weekly('community=community-2'), reportOf(() => world.shuanglin.hazard)),
  refused('reports: DEMO-STREET with ?community=no-such → 404', 'DEMO-STREET', weekly('community=no-such'), 404, 'not_found'),
  refused('reports: DEMO-STREET without ?community= → 404', 'DEMO-STREET', weekly('format=json'), 404, 'not_found'),
  refused('reports: DEMO-A-01 (a member) → 403', 'DEMO-A-01', weekly('community=community-2'), 403, 'forbidden'),
  refused('reports: DEMO-PC1-01 (company staff) → 403', 'DEMO-PC1-01', weekly('community=community-2'), 403, 'forbidden'),
];

/** The rounds and track batches answered: exactly these (none, or one community's). */
const roundsAre = (expected: () => { round: string; trackBatch: string } | null) => (r: ApiResult) => {
  const body = roundsRangeResponseSchema.parse(r.body);
  const want = expected();
  expect(body.rounds.map((x) => x.id)).toEqual(want ? [want.round] : []);
  expect(body.trackBatches.map((b) => b.id)).toEqual(want ? [want.trackBatch] : []);
  expect(body.total).toBe(want ? 1 : 0);
};
const roundsProbe = (code: Code, query: string, expected: () => { round: string; trackBatch: string } | null, sees: string): Probe =>
  answered(`rounds: ${code} ${query ? `with ?${query} ` : ''}sees ${sees}`, code, `/rounds?${ROUNDS_PERIOD}${query ? `&${query}` : ''}`, roundsAre(expected));

const roundsProbes: Probe[] = [
  roundsProbe('DEMO-ADMIN', '', () => world.jianxinglu, 'Jianxinglu’s round only'),
  roundsProbe('DEMO-ADMIN', 'community=community-2', () => world.jianxinglu, 'Jianxinglu’s round only'),
  roundsProbe('DEMO-A-LEAD', 'community=community-2', () => world.jianxinglu, 'team A’s round only'),
  roundsProbe('DEMO-S-ADMIN', '', () => world.shuanglin, 'Shuanglin’s round only'),
  roundsProbe('DEMO-STREET', '', () => null, 'no round'),
  roundsProbe('DEMO-STREET', 'community=no-such', () => null, 'no round'),
  roundsProbe('DEMO-STREET', 'community=community-2', () => world.shuanglin, 'Shuanglin’s round'),
];

/** GET of the Shuanglin photo; a 200's body is the SHA-256 of the bytes served. */
async function photoAs(code: Code): Promise<ApiResult> {
  const response = await fetch(`${world.server.url}/api/v1/photos/${world.shuanglin.photo}`, { headers: { authorization: `Bearer ${world.tokens[code]}` } });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const body: unknown = response.ok ? createHash('sha256').update(bytes).digest('hex') : JSON.parse(new TextDecoder().decode(bytes));
  return { status: response.status, body, headers: response.headers };
}
const photoProbes: Probe[] = [
  ...(['DEMO-A-01', 'DEMO-A-LEAD', 'DEMO-ADMIN'] as const).map(
    (code): Probe => ({ name: `photos: the Shuanglin photo is not found for ${code}`, send: () => photoAs(code), status: 404, code: 'not_found' }),
  ),
  ...(['DEMO-S-01', 'DEMO-PC1-01', 'DEMO-STREET'] as const).map(
    (code): Probe => ({
      name: `photos: the Shuanglin photo is served to ${code}`,
      send: () => photoAs(code),
      status: 200,
      code: null,
      check: (r) => expect(r.body).toBe(world.shuanglin.photo),
    }),
  ),
];

/** A listing with the office's own `mine` in it and not one of Shuanglin's members, teams or devices. */
const listsNoShuanglin = (mine: string) => async (r: ApiResult) => {
  const text = JSON.stringify(r.body);
  expect(text).toContain(JSON.stringify(mine));
  const shuanglin = await peopleOf(world.server, SHUANGLIN);
  expect(shuanglin.length).toBeGreaterThan(5);
  expect(shuanglin.filter((id) => text.includes(JSON.stringify(id)))).toEqual([]);
};
const member = { name: '新队员', teamId: 'team-s', role: 'member', propertyCompanyId: null };
const RENAMED = { zh: '改名', en: 'Renamed' };

const adminProbes: Probe[] = [
  ...(
    [
      ['members', 'm-admin'],
      ['teams', 'team-a'],
      ['devices', 'm-admin'],
      ['audit', 'm-admin'],
    ] as const
  ).map(([route, mine]) => answered(`admin: DEMO-ADMIN’s GET /admin/${route} has no Shuanglin id`, 'DEMO-ADMIN', `/admin/${route}`, listsNoShuanglin(mine))),
  refused('admin: PATCH /admin/members/m-s-01 → 404', 'DEMO-ADMIN', '/admin/members/m-s-01', 404, 'not_found', { method: 'PATCH', body: { active: false } }),
  refused('admin: PATCH /admin/teams/team-s → 404', 'DEMO-ADMIN', '/admin/teams/team-s', 404, 'not_found', { method: 'PATCH', body: { name: RENAMED } }),
  {
    ...refused('admin: revoking a Shuanglin device → 404, and the device still works', 'DEMO-ADMIN', () => `/admin/devices/${world.shuanglin.memberDevice}/revoke`, 404, 'not_found', {
      method: 'POST',
    }),
    check: async () => expect((await as('DEMO-S-01', '/sync/pull?limit=1')).status).toBe(200),
  },
  refused('admin: an enrollment code for m-s-01 → 404', 'DEMO-ADMIN', '/admin/enrollment-codes', 404, 'not_found', { body: { memberId: 'm-s-01' } }),
  refused('admin: a new member in team-s → 400 invalid_body', 'DEMO-ADMIN', '/admin/members', 400, 'invalid_body', { body: member }),
  refused('admin: moving m-a-01 into team-s → 400 invalid_body', 'DEMO-ADMIN', '/admin/members/m-a-01', 400, 'invalid_body', { method: 'PATCH', body: { teamId: 'team-s' } }),
  ...(['members', 'teams', 'devices', 'audit'] as const).map((route) =>
    refused(`admin: DEMO-STREET on GET /admin/${route} → 403`, 'DEMO-STREET', `/admin/${route}`, 403, 'forbidden'),
  ),
];

const STREET_ROUTES: ReadonlyArray<readonly [method: 'GET' | 'POST', path: string, body?: unknown]> = [
  ['GET', '/street/communities'],
  ['POST', '/street/communities', { name: { zh: '新社区', en: 'New Community' }, admin: { name: '新主任' } }],
  ['GET', '/street/companies'],
  ['POST', '/street/companies', { name: { zh: '新物业', en: 'New Property' } }],
  ['GET', `/street/dashboard?week=${HAZARD_WEEK}`],
];

const streetProbes: Probe[] = [
  ...(['DEMO-ADMIN', 'DEMO-S-ADMIN', 'DEMO-A-LEAD', 'DEMO-A-01', 'DEMO-PC1-01'] as const).flatMap((code) =>
    STREET_ROUTES.map(([method, path, body]) => refused(`street: ${code} on ${method} ${path} → 403`, code, path, 403, 'forbidden', { method, body })),
  ),
  answered('street: DEMO-STREET lists the street’s communities', 'DEMO-STREET', '/street/communities', (r) => {
    expect(communitiesResponseSchema.parse(r.body).communities.map((c) => c.id)).toEqual(['community-1', 'community-2', 'community-3']);
  }),
  answered('street: DEMO-STREET lists the street’s companies', 'DEMO-STREET', '/street/companies', (r) => {
    expect(companiesResponseSchema.parse(r.body).companies.map((c) => c.id)).toEqual(['pc1', 'pc2', 'pc3', 'pc4', 'pc5', 'pc6']);
  }),
  answered('street: DEMO-STREET’s dashboard counts the Shuanglin hazard', 'DEMO-STREET', `/street/dashboard?week=${HAZARD_WEEK}`, (r) => {
    const dashboard = streetDashboardSchema.parse(r.body);
    expect(dashboard.week).toBe(HAZARD_WEEK);
    expect(dashboard.communities.find((c) => c.communityId === SHUANGLIN)?.found).toBeGreaterThanOrEqual(1);
  }),
];

it.each([...reportProbes, ...roundsProbes, ...photoProbes, ...adminProbes, ...streetProbes].map((p) => [p.name, p] as const))('%s', async (_name, probe) => {
  const before = await snapshot(world.server.sql);
  const result = await probe.send();
  expect(result.status, JSON.stringify(result.body)).toBe(probe.status);
  if (probe.code !== null) {
    expect(result.body).toEqual({ error: { code: probe.code, message: expect.any(String) } });
    expect(errorCode(result)).toBe(probe.code);
  }
  await probe.check?.(result);
  expect(await snapshot(world.server.sql), 'the database changed').toEqual(before);
});
