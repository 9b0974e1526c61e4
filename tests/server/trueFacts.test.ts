// What is stored is true: the endpoint refuses, per mutation and with the field named, a resolve
// whose after photo it does not hold, a hazard naming a round that does not exist or is another
// team's, times before 2020 or more than a day ahead, and track points more than a day from their
// round's start. Each refusal changes nothing but the recorded answer.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enroll, hazardCreate, push } from './helpers/api';
import { roundEnd, roundStart, trackAppend } from './helpers/rounds';
import { startTestServer, type TestServer } from './helpers/testServer';
import { hazardEvent, eventMutation } from '../fixtures/hazardEvents';
import type { Mutation } from '../../src/shared/protocol/sync';
import type { Sql } from '../../src/server/store/sql/sql';

let server: TestServer;
let member = '';
let memberB = '';
beforeAll(async () => {
  server = await startTestServer();
  member = (await enroll(server.url, 'DEMO-A-01')).token;
  memberB = (await enroll(server.url, 'DEMO-B-01')).token;
});
afterAll(() => server.close());

/**
 * Every table's row count and a SHA-256 of its rows (sorted, so on either backend), except
 * devices.last_seen_at, which a successful authentication refreshes.
 */
async function snapshot(sql: Sql): Promise<Record<string, { rows: number; sha256: string }>> {
  const tables =
    sql.dialect === 'sqlite'
      ? await sql.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      : await sql.all<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name");
  const result: Record<string, { rows: number; sha256: string }> = {};
  for (const { name } of tables) {
    const columns =
      sql.dialect === 'sqlite'
        ? await sql.all<{ name: string }>('SELECT name FROM pragma_table_info(?)', [name])
        : await sql.all<{ name: string }>('SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position', [name]);
    const kept = columns.map((c) => c.name).filter((c) => !(name === 'devices' && c === 'last_seen_at'));
    const rows = (await sql.all(`SELECT ${kept.map((c) => `"${c}"`).join(', ')} FROM "${name}"`)).map((r) => JSON.stringify(r)).sort();
    result[name] = { rows: rows.length, sha256: createHash('sha256').update(rows.join('\n')).digest('hex') };
  }
  return result;
}

async function refused(token: string, m: Mutation): Promise<string> {
  const before = await snapshot(server.sql);
  expect(Object.keys(before)).toEqual(expect.arrayContaining(['hazards', 'rounds', 'track_batches', 'applied_mutations', 'changes']));
  const result = await push(server.url, token, [m]);
  expect(result.status).toBe(200);
  const body = result.body as { acked: string[]; rejected: { id: string; code: string; message: string }[] };
  expect(body.acked).toEqual([]);
  expect(body.rejected).toHaveLength(1);
  expect(body.rejected[0]!.code).toBe('invalid');
  // Nothing changes but the recorded answer, so a retry hears the same refusal.
  const after = await snapshot(server.sql);
  expect({ ...after, applied_mutations: before.applied_mutations }, 'the database changed').toEqual(before);
  expect(await server.sql.get('SELECT outcome, reject_code FROM applied_mutations WHERE id = ?', [m.id])).toEqual({ outcome: 'rejected', reject_code: 'invalid' });
  return body.rejected[0]!.message;
}

async function accepted(token: string, ...mutations: Mutation[]): Promise<void> {
  const body = (await push(server.url, token, mutations)).body as { acked: string[] };
  expect(body.acked).toEqual(mutations.map((m) => m.id));
}

describe('true facts', () => {
  it('a resolve whose after photo was never uploaded', async () => {
    const create = hazardCreate({ createdAt: new Date().toISOString() });
    await accepted(member, create);
    const lead = (await enroll(server.url, 'DEMO-A-LEAD')).token;
    await accepted(lead, eventMutation(hazardEvent(create.data.id, 'assign')));
    const missing = 'c'.repeat(64);
    const message = await refused(lead, eventMutation(hazardEvent(create.data.id, 'resolve', { photoIds: [missing] })));
    expect(message).toMatch(new RegExp(`photoIds: photo ${missing} is not on the endpoint`));
  });

  it('a hazard naming a photo the endpoint does not hold', async () => {
    expect(await refused(member, hazardCreate({ photoIds: ['d'.repeat(64)] }))).toMatch(/data\.photoIds/);
  });

  it('a hazard.create naming a round that does not exist, or another team’s', async () => {
    expect(await refused(member, hazardCreate({ roundId: crypto.randomUUID() }))).toMatch(/data\.roundId: unknown round/);
    const teamB = roundStart('team-b', ['m-b-01']);
    await accepted(memberB, teamB);
    expect(await refused(member, hazardCreate({ roundId: teamB.data.id }))).toMatch(/data\.roundId/);
  });

  it('a round.end dated 9999-12-31 and track points past the last instant a Date can hold', async () => {
    const start = roundStart('team-a', ['m-a-01']);
    await accepted(member, start);
    expect(await refused(member, roundEnd(start.data.id, { endedAt: '9999-12-31T23:59:59.000Z' }))).toMatch(/data\.endedAt: .* more than 24 h ahead/);
    const far = trackAppend(start.data.id, 2);
    far.data.points[1]!.at = Number.MAX_SAFE_INTEGER;
    expect(await refused(member, far)).toMatch(/data\.points\.1\.at/);
  });

  it('track points more than 24 h before their round’s start', async () => {
    const start = roundStart('team-a', ['m-a-01']);
    await accepted(member, start);
    const startMs = Date.parse(start.data.startedAt);
    const early = trackAppend(start.data.id, 2);
    early.data.points[1]!.at = startMs - 24 * 3_600_000 - 1;
    expect(await refused(member, early)).toMatch(/data\.points\.1\.at: .* more than 24 h before the round's start/);
    // A phone that began recording a little before the round was started still syncs.
    const warmUp = trackAppend(start.data.id, 2);
    warmUp.data.points[0]!.at = startMs - 23 * 3_600_000;
    await accepted(member, warmUp);
  });

  it('times before 2020', async () => {
    expect(await refused(member, hazardCreate({ createdAt: '2019-12-31T23:00:00.000Z' }))).toMatch(/data\.createdAt: .* before 2020-01-01/);
  });

  it('a phone whose clock is a day behind still syncs', async () => {
    const yesterday = new Date(Date.now() - 23 * 3_600_000).toISOString();
    await accepted(member, { ...hazardCreate({ createdAt: yesterday }), at: yesterday });
  });
});
