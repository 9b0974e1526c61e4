// Cross-community probes of sync: what each community's people, a property company's staff and
// the street office pull, and pushes aimed at another community's compounds, hazards, teams and
// checkpoints. Each asserts the exact status and refusal code and exactly what the database
// gained: nothing for a pull, only the refusal's record for a refused push (helpers/snapshot.ts).
// The reads (reports, rounds, photos, admin, street) are in communityReads.test.ts.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_CHECKPOINTS } from '../../src/server/seed/checkpoints';
import { pullResponseSchema, pushResponseSchema, type Change, type Mutation } from '../../src/shared/protocol/sync';
import { call, hazardCreate, push, type ApiResult } from '../server/helpers/api';
import { checkpointScan, roundStart } from '../server/helpers/rounds';
import { eventMutation, hazardEvent } from '../fixtures/hazardEvents';
import { changedTables, snapshot } from './helpers/snapshot';
import { JIANXINGLU, recordsOf, SHUANGLIN, startTwoCommunities, type Code, type TwoCommunities } from './helpers/twoCommunities';

let world: TwoCommunities;
beforeAll(async () => {
  world = await startTwoCommunities();
});
afterAll(() => world.server.close());

interface Probe {
  name: string;
  send: () => Promise<ApiResult>;
  /** What a push may add: the refused mutation's record. Nothing else, ever. */
  writes?: Record<string, number>;
  check: (result: ApiResult) => Promise<void> | void;
}

const ONE_REFUSAL = { applied_mutations: 1 };
const key = (c: Change) => `${c.entity}:${c.id}`;

async function pulled(code: Code): Promise<ApiResult> {
  return call(world.server.url, '/api/v1/sync/pull?limit=1000', { token: world.tokens[code] });
}

/** The whole pull (asserted to be one page), as `entity:id` keys. */
function keysOf(result: ApiResult): string[] {
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  const page = pullResponseSchema.parse(result.body);
  expect(page.hasMore).toBe(false);
  return page.changes.map(key);
}

const overlap = (keys: string[], records: Set<string>) => keys.filter((k) => records.has(k));

/** A pull that holds nothing of `other` and (so the probe can fail) its own community's hazard. */
const pullProbe = (code: Code, other: string, own: () => string): Probe => ({
  name: `pull: ${code} receives no record of ${other}`,
  send: () => pulled(code),
  check: async (r) => {
    const keys = keysOf(r);
    expect(keys).toContain(`hazard:${own()}`);
    expect(overlap(keys, await recordsOf(world.server, other))).toEqual([]);
  },
});

const pullProbes: Probe[] = [
  ...(['DEMO-A-01', 'DEMO-A-LEAD', 'DEMO-ADMIN'] as const).map((code) => pullProbe(code, SHUANGLIN, () => world.jianxinglu.hazard)),
  ...(['DEMO-S-01', 'DEMO-S-LEAD', 'DEMO-S-ADMIN'] as const).map((code) => pullProbe(code, JIANXINGLU, () => world.shuanglin.hazard)),
  {
    name: 'pull: DEMO-PC1-01 (staff of pc1) receives the Shuanglin hazard assigned to pc1 and pc1’s compounds, no team, member or round',
    send: () => pulled('DEMO-PC1-01'),
    check: async (r) => {
      const keys = keysOf(r);
      const { hazard, assignEvent } = world.shuanglin;
      expect(keys.filter((k) => k.startsWith('hazard'))).toEqual([`hazardEvent:${assignEvent}`, `hazard:${hazard}`]);
      const pc1 = await world.server.sql.all<{ id: string }>("SELECT id FROM compounds WHERE property_company_id = 'pc1' ORDER BY id");
      expect(keys.filter((k) => k.startsWith('compound:')).sort()).toEqual(pc1.map((c) => `compound:${c.id}`));
      expect(keys).toEqual(expect.arrayContaining(['compound:c2-01', 'compound:c2-03']));
      expect(keys).not.toContain('compound:c2-02');
      const communityPeople = await world.server.sql.all<{ id: string }>('SELECT id FROM members WHERE community_id IS NOT NULL');
      expect(overlap(keys, new Set(communityPeople.map((m) => `member:${m.id}`)))).toEqual([]);
      expect(keys.filter((k) => /^(team|round|trackBatch|checkpointScan):/.test(k))).toEqual([]);
    },
  },
  {
    name: 'pull: DEMO-STREET (the street office) receives no community’s hazards, nor any other record of a community',
    send: () => pulled('DEMO-STREET'),
    check: async (r) => {
      const keys = keysOf(r);
      expect(keys).toContain('propertyCompany:pc1');
      expect(keys.filter((k) => k.startsWith('hazard'))).toEqual([]);
      for (const community of [JIANXINGLU, SHUANGLIN, 'community-3']) expect(overlap(keys, await recordsOf(world.server, community))).toEqual([]);
    },
  },
];

/** A push of one mutation, refused with `code` and a message naming what was unknown. */
function refused(code: Code, mutation: () => Mutation, refusal: string, message: string | RegExp): Omit<Probe, 'name'> {
  let sent: Mutation | undefined;
  return {
    send: () => push(world.server.url, world.tokens[code], [(sent = mutation())]),
    writes: ONE_REFUSAL,
    check: (r) => {
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const body = pushResponseSchema.parse(r.body);
      expect(body.acked).toEqual([]);
      expect(body.rejected).toEqual([{ id: sent!.id, code: refusal, message: expect.stringMatching(message) }]);
    },
  };
}

const hazardRow = (id: string) => world.server.sql.get('SELECT * FROM hazards WHERE id = ?', [id]);

const pushProbes: Probe[] = [
  {
    name: 'push: DEMO-A-01 creating a hazard in Shuanglin’s compound c2-01 → invalid (unknown compoundId), no row',
    ...refused('DEMO-A-01', () => hazardCreate({ compoundId: 'c2-01' }), 'invalid', /^unknown compoundId "c2-01"$/),
  },
  {
    name: 'push: DEMO-A-LEAD assigning the Shuanglin hazard → invalid (unknown hazardId), the hazard unchanged',
    ...refused('DEMO-A-LEAD', () => eventMutation(hazardEvent(world.shuanglin.hazard, 'assign', { propertyCompanyId: 'pc2' })), 'invalid', /^unknown hazardId /),
  },
  {
    name: 'push: DEMO-A-LEAD noting on the Shuanglin hazard → invalid (unknown hazardId)',
    ...refused('DEMO-A-LEAD', () => eventMutation(hazardEvent(world.shuanglin.hazard, 'note')), 'invalid', /^unknown hazardId /),
  },
  {
    name: 'push: DEMO-A-LEAD assigning a Jianxinglu hazard to a company not of the street → invalid',
    ...refused(
      'DEMO-A-LEAD',
      () => eventMutation(hazardEvent(world.jianxinglu.hazard, 'assign', { propertyCompanyId: 'pc-nowhere' })),
      'invalid',
      /^unknown propertyCompanyId "pc-nowhere"$/,
    ),
  },
  {
    name: 'push: DEMO-A-01 starting a round for team-s → forbidden',
    ...refused('DEMO-A-01', () => roundStart('team-s', ['m-a-01']), 'forbidden', /own team, not "team-s"/),
  },
  {
    name: 'push: DEMO-S-01 scanning a Jianxinglu checkpoint in a Shuanglin round → invalid (unknown checkpointId)',
    ...refused('DEMO-S-01', () => checkpointScan(world.shuanglin.round, DEMO_CHECKPOINTS[0]!.id, null), 'invalid', /^unknown checkpointId /),
  },
];

it.each([...pullProbes, ...pushProbes].map((p) => [p.name, p] as const))('%s', async (_name, probe) => {
  const before = await snapshot(world.server.sql);
  const hazards = [await hazardRow(world.shuanglin.hazard), await hazardRow(world.jianxinglu.hazard)];
  const result = await probe.send();
  await probe.check(result);
  expect(changedTables(before, await snapshot(world.server.sql)), 'what the database gained').toEqual(probe.writes ?? {});
  expect([await hazardRow(world.shuanglin.hazard), await hazardRow(world.jianxinglu.hazard)]).toEqual(hazards);
});
