// Who pulls rounds: a team's lead pulls that team's rounds, track batches and scans; admins pull
// every team's; members pull none, not even their own. Everyone pulls the checkpoints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../src/shared/protocol/sync';
import { DEMO_CHECKPOINTS } from '../../src/server/seed/checkpoints';
import { enroll } from './helpers/api';
import { checkpointScan, northOf, pullAll, pushOutcomes, roundEnd, roundStart, trackAppend } from './helpers/rounds';
import { startTestServer, type TestServer } from './helpers/testServer';

const ROUND_ENTITIES = new Set(['round', 'trackBatch', 'checkpointScan']);

let server: TestServer;
const tokens: Record<string, string> = {};
/** Ids of each team's round and what was pushed to it. */
const pushed: Record<'a' | 'b', string[]> = { a: [], b: [] };
let roundA = '';

beforeAll(async () => {
  server = await startTestServer();
  for (const code of ['DEMO-A-01', 'DEMO-A-LEAD', 'DEMO-B-02', 'DEMO-B-LEAD', 'DEMO-ADMIN']) {
    tokens[code] = (await enroll(server.url, code)).token;
  }
  for (const [letter, code] of [['a', 'DEMO-A-01'], ['b', 'DEMO-B-02']] as const) {
    const member = code === 'DEMO-A-01' ? 'm-a-01' : 'm-b-02';
    const start = roundStart(`team-${letter}`, [member]);
    const gate = DEMO_CHECKPOINTS[letter === 'a' ? 0 : 1]!;
    const batch = trackAppend(start.data.id);
    const scan = checkpointScan(start.data.id, gate.id, northOf(gate, 150));
    const outcomes = await pushOutcomes(server.url, tokens[code]!, [start, batch, scan]);
    expect(Object.values(outcomes)).toEqual(['acked', 'acked', 'acked']);
    pushed[letter] = [start.data.id, batch.data.id, scan.data.id];
    if (letter === 'a') roundA = start.data.id;
  }
});
afterAll(() => server.close());

const roundThings = (changes: Change[]) => changes.filter((c) => ROUND_ENTITIES.has(c.entity)).map((c) => c.id).sort();

describe('pull of rounds', () => {
  it('gives a member the checkpoints and none of the rounds, not even their own', async () => {
    const { changes } = await pullAll(server.url, tokens['DEMO-A-01']!);
    expect(roundThings(changes)).toEqual([]);
    const checkpoints = changes.flatMap((c) => (c.entity === 'checkpoint' ? [c.data] : []));
    expect(checkpoints).toEqual(DEMO_CHECKPOINTS);
  });

  it('gives a lead their own team’s round, batch and scan, and not the other team’s', async () => {
    const lead = await pullAll(server.url, tokens['DEMO-A-LEAD']!);
    expect(roundThings(lead.changes)).toEqual([...pushed.a].sort());
    const otherLead = await pullAll(server.url, tokens['DEMO-B-LEAD']!);
    expect(roundThings(otherLead.changes)).toEqual([...pushed.b].sort());
  });

  it('gives an admin every team’s', async () => {
    const { changes } = await pullAll(server.url, tokens['DEMO-ADMIN']!);
    expect(roundThings(changes)).toEqual([...pushed.a, ...pushed.b].sort());
  });

  it('carries the server’s own fields: starter, team, member and the far flag', async () => {
    const { changes } = await pullAll(server.url, tokens['DEMO-A-LEAD']!);
    const round = changes.find((c) => c.entity === 'round');
    const scan = changes.find((c) => c.entity === 'checkpointScan');
    expect(round?.data).toMatchObject({ id: roundA, teamId: 'team-a', startedBy: 'm-a-01', endedAt: null, autoClosed: false });
    expect(scan?.data).toMatchObject({ roundId: roundA, memberId: 'm-a-01', teamId: 'team-a', far: true });
  });

  it('sends an ended round again, after the lead’s cursor, with its end', async () => {
    const { cursor } = await pullAll(server.url, tokens['DEMO-A-LEAD']!);
    const end = roundEnd(roundA, { note: '路灯坏了两盏' });
    expect(await pushOutcomes(server.url, tokens['DEMO-A-01']!, [end])).toEqual({ [end.id]: 'acked' });
    const { changes } = await pullAll(server.url, tokens['DEMO-A-LEAD']!, cursor);
    expect(changes).toEqual([
      expect.objectContaining({ entity: 'round', id: roundA, data: expect.objectContaining({ endedAt: end.data.endedAt, note: '路灯坏了两盏' }) }),
    ]);
    const member = await pullAll(server.url, tokens['DEMO-A-01']!, cursor);
    expect(member.changes).toEqual([]);
  });
});
