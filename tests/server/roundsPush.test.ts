// Pushing rounds, track batches, scans and ends: each at most once by its id, and only by the
// people the round belongs to. What the server stores about who and where is its own word.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_POINTS_PER_BATCH } from '../../src/shared/domain/rounds';
import { DEMO_CHECKPOINTS } from '../../src/server/seed/checkpoints';
import { enroll, push } from './helpers/api';
import { checkpointScan, northOf, pushOutcomes, roundEnd, roundStart, trackAppend } from './helpers/rounds';
import { startTestServer, type TestServer } from './helpers/testServer';

let server: TestServer;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  server = await startTestServer();
  for (const code of ['DEMO-A-01', 'DEMO-A-02', 'DEMO-A-03', 'DEMO-A-LEAD', 'DEMO-B-01', 'DEMO-B-LEAD', 'DEMO-ADMIN']) {
    tokens[code] = (await enroll(server.url, code)).token;
  }
});
afterAll(() => server.close());

const token = (code: string) => tokens[code]!;
/** The count a `SELECT count(*) AS n …` query answers. */
const count = async (sql: string, ...params: string[]) => (await server.sql.get<{ n: number }>(sql, params))!.n;

/** A round of, started by A-01. */
async function startedRound(): Promise<string> {
  const start = roundStart('team-a', ['m-a-01', 'm-a-02']);
  expect(await pushOutcomes(server.url, token('DEMO-A-01'), [start])).toEqual({ [start.id]: 'acked' });
  return start.data.id;
}

describe('round.start', () => {
  it('stores a round once, however often it is sent, with the pusher as its starter', async () => {
    const start = roundStart('team-a', ['m-a-01', 'm-a-02']);
    const again = { ...start, id: crypto.randomUUID() };
    const outcomes = await pushOutcomes(server.url, token('DEMO-A-01'), [start, start, again]);
    expect(outcomes).toEqual({ [start.id]: 'acked', [again.id]: 'acked' });
    expect(await pushOutcomes(server.url, token('DEMO-A-01'), [start])).toEqual({ [start.id]: 'acked' });
    expect(await count('SELECT count(*) AS n FROM rounds WHERE id = ?', start.data.id)).toBe(1);
    expect(await count("SELECT count(*) AS n FROM changes WHERE entity = 'round' AND entity_id = ?", start.data.id)).toBe(1);
    const row = await server.sql.get('SELECT team_id, started_by, member_ids, ended_at FROM rounds WHERE id = ?', [start.data.id]);
    expect(row).toEqual({ team_id: 'team-a', started_by: 'm-a-01', member_ids: '["m-a-01","m-a-02"]', ended_at: null });
  });

  it('ignores a starter, end or team the body adds beyond the schema', async () => {
    const start = roundStart('team-a', ['m-a-02', 'm-a-01']);
    const body = { ...start, data: { ...start.data, startedBy: 'm-a-lead', endedAt: '2020-01-01T00:00:00.000Z' } };
    const result = await push(server.url, token('DEMO-A-01'), [body]);
    expect(result.status).toBe(200);
    const row = await server.sql.get('SELECT started_by, ended_at FROM rounds WHERE id = ?', [start.data.id]);
    expect(row).toEqual({ started_by: 'm-a-01', ended_at: null });
  });

  it('refuses, as forbidden, a round of another team, without the pusher, or with strangers', async () => {
    const otherTeam = roundStart('team-b', ['m-a-01']);
    const withoutMe = roundStart('team-a', ['m-a-02']);
    const withStranger = roundStart('team-a', ['m-a-01', 'm-b-01']);
    const withUnknown = roundStart('team-a', ['m-a-01', 'm-nobody']);
    const byAdmin = roundStart('team-a', ['m-admin']);
    const outcomes = await pushOutcomes(server.url, token('DEMO-A-01'), [otherTeam, withoutMe, withStranger, withUnknown]);
    expect(outcomes).toEqual({
      [otherTeam.id]: 'forbidden',
      [withoutMe.id]: 'forbidden',
      [withStranger.id]: 'forbidden',
      [withUnknown.id]: 'forbidden',
    });
    expect(await pushOutcomes(server.url, token('DEMO-ADMIN'), [byAdmin])).toEqual({ [byAdmin.id]: 'forbidden' });
    const ids = [otherTeam, withoutMe, withStranger, withUnknown, byAdmin].map((m) => m.data.id);
    expect(await count(`SELECT count(*) AS n FROM rounds WHERE id IN (${ids.map(() => '?').join(', ')})`, ...ids)).toBe(0);
  });

  it('refuses a member no longer active, and names them', async () => {
    await server.sql.run("UPDATE members SET active = 0 WHERE id = 'm-a-11'");
    const start = roundStart('team-a', ['m-a-01', 'm-a-11']);
    const result = await push(server.url, token('DEMO-A-01'), [start]);
    expect(result.body).toMatchObject({ rejected: [{ id: start.id, code: 'forbidden', message: expect.stringContaining('m-a-11') }] });
  });

  it('refuses a member named twice as invalid', async () => {
    const start = roundStart('team-a', ['m-a-01', 'm-a-01']);
    expect(await pushOutcomes(server.url, token('DEMO-A-01'), [start])).toEqual({ [start.id]: 'invalid' });
  });
});

describe('track.append', () => {
  it('stores a batch once when sent twice, and acks both', async () => {
    const roundId = await startedRound();
    const first = trackAppend(roundId, MAX_POINTS_PER_BATCH);
    const retry = { ...first, id: crypto.randomUUID() };
    expect(await pushOutcomes(server.url, token('DEMO-A-02'), [first, retry])).toEqual({ [first.id]: 'acked', [retry.id]: 'acked' });
    const rows = await server.sql.all('SELECT point_count, first_at, last_at FROM track_batches WHERE round_id = ?', [roundId]);
    const atOf = first.data.points.map((p) => p.at);
    expect(rows).toEqual([{ point_count: MAX_POINTS_PER_BATCH, first_at: Math.min(...atOf), last_at: Math.max(...atOf) }]);
    expect(await count("SELECT count(*) AS n FROM changes WHERE entity = 'trackBatch' AND scope = 'c:community-1:team:team-a' AND entity_id = ?", first.data.id)).toBe(1);
  });

  it('refuses a batch over the size limit as invalid, naming its points', async () => {
    const roundId = await startedRound();
    const tooBig = trackAppend(roundId, MAX_POINTS_PER_BATCH + 1);
    const result = await push(server.url, token('DEMO-A-01'), [tooBig]);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ acked: [], rejected: [{ id: tooBig.id, code: 'invalid', message: expect.stringContaining('data.points: ') }] });
    expect(await count('SELECT count(*) AS n FROM track_batches WHERE id = ?', tooBig.data.id)).toBe(0);
  });

  it('refuses a batch for someone else’s round as forbidden, and for an unknown round as invalid', async () => {
    const roundId = await startedRound();
    const fromTeamB = trackAppend(roundId);
    const fromTeammateNotWalking = trackAppend(roundId);
    const fromLead = trackAppend(roundId);
    const unknownRound = trackAppend(crypto.randomUUID());
    expect(await pushOutcomes(server.url, token('DEMO-B-01'), [fromTeamB])).toEqual({ [fromTeamB.id]: 'forbidden' });
    expect(await pushOutcomes(server.url, token('DEMO-A-03'), [fromTeammateNotWalking, unknownRound])).toEqual({
      [fromTeammateNotWalking.id]: 'forbidden',
      [unknownRound.id]: 'invalid',
    });
    expect(await pushOutcomes(server.url, token('DEMO-A-LEAD'), [fromLead])).toEqual({ [fromLead.id]: 'forbidden' });
    expect(await count('SELECT count(*) AS n FROM track_batches WHERE round_id = ?', roundId)).toBe(0);
  });

  it('accepts a whole round in one push, in queue order', async () => {
    const start = roundStart('team-a', ['m-a-01']);
    const roundId = start.data.id;
    const gate = DEMO_CHECKPOINTS[0]!;
    const queue = [start, trackAppend(roundId), checkpointScan(roundId, gate.id, northOf(gate, 5)), trackAppend(roundId), roundEnd(roundId)];
    const outcomes = await pushOutcomes(server.url, token('DEMO-A-01'), queue);
    expect(Object.values(outcomes)).toEqual(queue.map(() => 'acked'));
    expect(await count('SELECT count(*) AS n FROM track_batches WHERE round_id = ?', roundId)).toBe(2);
  });
});

describe('checkpoint.scan', () => {
  it('flags a scan more than 100 m from its checkpoint as far, whatever the body says', async () => {
    const roundId = await startedRound();
    const gate = DEMO_CHECKPOINTS[5]!;
    const near = checkpointScan(roundId, gate.id, northOf(gate, 90));
    const far = checkpointScan(roundId, gate.id, northOf(gate, 110));
    const noFix = checkpointScan(roundId, gate.id, null);
    const claimsNear = { ...far, data: { ...far.data, far: false, memberId: 'm-a-02', teamId: 'team-b' } };
    expect(await pushOutcomes(server.url, token('DEMO-A-01'), [near, claimsNear, noFix])).toEqual({
      [near.id]: 'acked',
      [far.id]: 'acked',
      [noFix.id]: 'acked',
    });
    const farOf = (id: string) => server.sql.get('SELECT far, member_id, team_id FROM checkpoint_scans WHERE id = ?', [id]);
    expect(await farOf(near.data.id)).toEqual({ far: 0, member_id: 'm-a-01', team_id: 'team-a' });
    expect(await farOf(far.data.id)).toEqual({ far: 1, member_id: 'm-a-01', team_id: 'team-a' });
    expect(await farOf(noFix.data.id)).toEqual({ far: 0, member_id: 'm-a-01', team_id: 'team-a' });
  });

  it('refuses an unknown checkpoint as invalid and a stranger’s scan as forbidden', async () => {
    const roundId = await startedRound();
    const unknown = checkpointScan(roundId, 'cp-nowhere', null);
    const stranger = checkpointScan(roundId, DEMO_CHECKPOINTS[0]!.id, null);
    expect(await pushOutcomes(server.url, token('DEMO-A-01'), [unknown])).toEqual({ [unknown.id]: 'invalid' });
    expect(await pushOutcomes(server.url, token('DEMO-B-01'), [stranger])).toEqual({ [stranger.id]: 'forbidden' });
    expect(await count('SELECT count(*) AS n FROM checkpoint_scans WHERE round_id = ?', roundId)).toBe(0);
  });
});

describe('round.end', () => {
  it('lets a member or the team lead end it once; a different second end is a conflict', async () => {
    const byMember = await startedRound();
    const byLead = await startedRound();
    const end = roundEnd(byMember, { note: '一切正常', autoClosed: false });
    const sameAgain = { ...end, id: crypto.randomUUID() };
    const different = roundEnd(byMember, { note: 'changed my mind' });
    const leadEnd = roundEnd(byLead, { autoClosed: true });
    expect(await pushOutcomes(server.url, token('DEMO-A-02'), [end, sameAgain, different])).toEqual({
      [end.id]: 'acked',
      [sameAgain.id]: 'acked',
      [different.id]: 'conflict',
    });
    expect(await pushOutcomes(server.url, token('DEMO-A-LEAD'), [leadEnd])).toEqual({ [leadEnd.id]: 'acked' });
    const row = (id: string) => server.sql.get('SELECT ended_at, note, auto_closed FROM rounds WHERE id = ?', [id]);
    expect(await row(byMember)).toEqual({ ended_at: end.data.endedAt, note: '一切正常', auto_closed: 0 });
    expect(await row(byLead)).toEqual({ ended_at: leadEnd.data.endedAt, note: null, auto_closed: 1 });
  });

  it('refuses others, unknown rounds and an end before the start', async () => {
    const roundId = await startedRound();
    const teammate = roundEnd(roundId);
    const otherLead = roundEnd(roundId);
    const unknown = roundEnd(crypto.randomUUID());
    const early = roundEnd(roundId, { endedAt: '2026-03-02T07:59:59.000Z' });
    expect(await pushOutcomes(server.url, token('DEMO-A-03'), [teammate])).toEqual({ [teammate.id]: 'forbidden' });
    expect(await pushOutcomes(server.url, token('DEMO-B-LEAD'), [otherLead])).toEqual({ [otherLead.id]: 'forbidden' });
    expect(await pushOutcomes(server.url, token('DEMO-A-01'), [unknown, early])).toEqual({ [unknown.id]: 'invalid', [early.id]: 'invalid' });
    expect(await server.sql.get('SELECT ended_at FROM rounds WHERE id = ?', [roundId])).toEqual({ ended_at: null });
  });
});
