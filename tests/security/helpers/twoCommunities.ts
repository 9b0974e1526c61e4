// The demo street with something in two of its communities, for the cross-community probes:
// Shuanglin (community-2) holds a hazard in c2-01 with a photo, assigned to pc1, and a round
// with a track batch; Jianxinglu (community-1) a hazard and a round of its own. Every step is
// checked to have been accepted, so a probe that sees nothing saw nothing because it may not.
import { expect } from 'vitest';
import { demoCompoundCentre } from '../../../src/server/seed/compounds';
import { call, enroll, hazardCreate } from '../../server/helpers/api';
import { pushOutcomes, roundStart, trackAppend } from '../../server/helpers/rounds';
import { eventMutation, hazardEvent } from '../../fixtures/hazardEvents';
import { photoFixture, sha256Of } from '../../fixtures/photos';
import { startSecurityServer, type SecurityServer } from './securityServer';

export const CODES = ['DEMO-A-01', 'DEMO-ADMIN', 'DEMO-A-LEAD', 'DEMO-S-01', 'DEMO-S-ADMIN', 'DEMO-S-LEAD', 'DEMO-PC1-01', 'DEMO-STREET'] as const;
export type Code = (typeof CODES)[number];

export const JIANXINGLU = 'community-1';
export const SHUANGLIN = 'community-2';
/** The ISO week the probes' hazards were found in (the fixture drafts' createdAt). */
export const HAZARD_WEEK = '2026-W48';
/** A period holding the probes' rounds (tests/server/helpers/rounds.ts starts them on 2026-03-02). */
export const ROUNDS_PERIOD = 'from=2026-03-01T00:00:00.000Z&to=2026-03-04T00:00:00.000Z';

export interface TwoCommunities {
  server: SecurityServer;
  tokens: Record<Code, string>;
  shuanglin: { hazard: string; assignEvent: string; round: string; trackBatch: string; photo: string; memberDevice: string };
  jianxinglu: { hazard: string; round: string; trackBatch: string };
}

async function acked(server: SecurityServer, token: string, mutations: Parameters<typeof pushOutcomes>[2]): Promise<void> {
  expect(await pushOutcomes(server.url, token, mutations)).toEqual(Object.fromEntries(mutations.map((m) => [m.id, 'acked'])));
}

export async function startTwoCommunities(): Promise<TwoCommunities> {
  const server = await startSecurityServer();
  const tokens = {} as Record<Code, string>;
  for (const code of CODES) tokens[code] = (await enroll(server.url, code)).token;

  // The photo is the Shuanglin lead's upload, so no prober below is its uploader.
  const bytes = photoFixture('small-1200x900.jpg');
  const photo = sha256Of(bytes);
  const put = await fetch(`${server.url}/api/v1/photos/${photo}`, {
    method: 'PUT',
    headers: { 'content-type': 'image/jpeg', authorization: `Bearer ${tokens['DEMO-S-LEAD']}` },
    body: bytes,
  });
  expect(put.status).toBe(201);
  const position = { ...demoCompoundCentre('c2-01'), accuracy: 8, at: '2026-11-27T08:00:00.000Z' };
  const sHazard = hazardCreate({ compoundId: 'c2-01', position, photoIds: [photo], description: '双林路3号院 楼道堆物' });
  await acked(server, tokens['DEMO-S-LEAD'], [sHazard]);
  const assign = eventMutation(hazardEvent(sHazard.data.id, 'assign', { propertyCompanyId: 'pc1' }));
  await acked(server, tokens['DEMO-S-LEAD'], [assign]);
  const sRound = roundStart('team-s', ['m-s-01']);
  const sBatch = trackAppend(sRound.data.id);
  await acked(server, tokens['DEMO-S-01'], [sRound, sBatch]);
  // An audited act of Shuanglin's office, which Jianxinglu's audit log must not show.
  expect((await call(server.url, '/api/v1/admin/enrollment-codes', { token: tokens['DEMO-S-ADMIN'], body: { memberId: 'm-s-02' } })).status).toBe(201);

  const jHazard = hazardCreate({ description: '建兴路 消防通道堵塞' });
  await acked(server, tokens['DEMO-A-01'], [jHazard]);
  const jRound = roundStart('team-a', ['m-a-lead']);
  const jBatch = trackAppend(jRound.data.id);
  await acked(server, tokens['DEMO-A-LEAD'], [jRound, jBatch]);

  const memberDevice = (await server.sql.get<{ id: string }>("SELECT id FROM devices WHERE member_id = 'm-s-01'"))!.id;
  return {
    server,
    tokens,
    shuanglin: { hazard: sHazard.data.id, assignEvent: assign.data.id, round: sRound.data.id, trackBatch: sBatch.data.id, photo, memberDevice },
    jianxinglu: { hazard: jHazard.data.id, round: jRound.data.id, trackBatch: jBatch.data.id },
  };
}

const RECORDS_OF_COMMUNITY: ReadonlyArray<readonly [entity: string, sql: string]> = [
  ['hazard', 'SELECT id FROM hazards WHERE community_id = ?'],
  ['hazardEvent', 'SELECT e.id FROM hazard_events e JOIN hazards h ON h.id = e.hazard_id WHERE h.community_id = ?'],
  ['compound', 'SELECT id FROM compounds WHERE community_id = ?'],
  ['team', 'SELECT id FROM teams WHERE community_id = ?'],
  ['member', 'SELECT id FROM members WHERE community_id = ?'],
  ['checkpoint', 'SELECT id FROM checkpoints WHERE community_id = ?'],
  ['round', 'SELECT id FROM rounds WHERE community_id = ?'],
  ['trackBatch', 'SELECT b.id FROM track_batches b JOIN rounds r ON r.id = b.round_id WHERE r.community_id = ?'],
  ['checkpointScan', 'SELECT s.id FROM checkpoint_scans s JOIN rounds r ON r.id = s.round_id WHERE r.community_id = ?'],
];

/** Every record of a community as `entity:id`, read from the database itself. */
export async function recordsOf(server: SecurityServer, communityId: string): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const [entity, text] of RECORDS_OF_COMMUNITY) {
    for (const row of await server.sql.all<{ id: string }>(text, [communityId])) keys.add(`${entity}:${row.id}`);
  }
  return keys;
}

/** The ids a community's office must never be shown by another's: its members, teams and their devices. */
export async function peopleOf(server: SecurityServer, communityId: string): Promise<string[]> {
  const rows = await server.sql.all<{ id: string }>(
    `SELECT id FROM members WHERE community_id = ? UNION SELECT id FROM teams WHERE community_id = ?
     UNION SELECT d.id FROM devices d JOIN members m ON m.id = d.member_id WHERE m.community_id = ?`,
    [communityId, communityId, communityId],
  );
  return rows.map((r) => r.id);
}
