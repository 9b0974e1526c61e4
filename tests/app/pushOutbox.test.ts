// The network edge is mocked here (a fetch stand-in); the real endpoint is exercised in
// tests/server and tests/e2e.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PatrolDb } from '../../src/app/db/db';
import { saveHazard } from '../../src/app/db/saveHazard';
import { inState } from '../../src/app/db/outboxQueries';
import { pushOutbox, PUSH_BATCH_SIZE } from '../../src/app/sync/pushOutbox';
import { SyncError } from '../../src/app/sync/SyncError';
import { PROTOCOL, type PushRequest } from '../../src/shared/protocol/sync';
import { draftWith } from '../fixtures/hazards';
import { failWrites } from '../fixtures/failingStore';

const session = { member: { id: 'm-a-01', name: '张伟', teamId: 'team-a', role: 'member' as const } };
let db: PatrolDb;

beforeEach(() => {
  db = new PatrolDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

async function queue(n: number): Promise<string[]> {
  for (let i = 0; i < n; i++) await saveHazard(db, session, draftWith());
  return (await inState(db, 'pending').toArray()).map((row) => row.id);
}

function endpoint(respond: (body: PushRequest) => Response) {
  const requests: PushRequest[] = [];
  const fetch = async (_url: URL | RequestInfo, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as PushRequest;
    requests.push(body);
    return respond(body);
  };
  return { config: { baseUrl: 'http://127.0.0.1:1', token: 't', fetch: fetch as typeof globalThis.fetch }, requests };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('pushOutbox', () => {
  it('removes only the mutations whose ids are acked', async () => {
    const ids = await queue(3);
    const { config } = endpoint(() => json({ protocol: PROTOCOL, acked: [ids[0], ids[2]], rejected: [] }));
    const result = await pushOutbox(db, config);
    expect(result).toEqual({ acked: 2, rejected: 0 });
    expect((await db.outbox.toArray()).map((r) => r.id)).toEqual([ids[1]]);
  });

  it('deletes acked runs only: rows refused earlier or now, unanswered or saved meanwhile stay', async () => {
    const ids = await queue(60);
    const refusedEarlier = (await db.outbox.get({ id: ids[10]! }))!;
    await db.outbox.update(refusedEarlier.seq!, { state: 'rejected', rejection: { code: 'invalid', message: 'earlier' } });
    let savedMeanwhile = '';
    const { config } = endpoint((body) => {
      if (!savedMeanwhile) void saveHazard(db, session, draftWith()).then((h) => (savedMeanwhile = h.id));
      const answered = body.mutations.filter((m) => m.id !== ids[20] && m.id !== ids[40] && m.id !== ids[30]);
      const rejected = body.mutations.some((m) => m.id === ids[30]) ? [{ id: ids[30]!, code: 'invalid', message: 'now' }] : [];
      return json({ protocol: PROTOCOL, acked: answered.map((m) => m.id), rejected });
    });
    await pushOutbox(db, config);
    const left = await db.outbox.toArray();
    expect(left.filter((r) => r.entityId !== savedMeanwhile).map((r) => [r.id, r.state])).toEqual([
      [ids[10], 'rejected'],
      [ids[20], 'pending'],
      [ids[30], 'rejected'],
      [ids[40], 'pending'],
    ]);
    expect(left.some((r) => r.entityId === savedMeanwhile && r.state === 'pending')).toBe(true);
  });

  it('ignores acks for ids it did not send', async () => {
    const ids = await queue(1);
    const { config } = endpoint(() => json({ protocol: PROTOCOL, acked: ['not-ours'], rejected: [] }));
    await pushOutbox(db, config);
    expect((await db.outbox.toArray()).map((r) => r.id)).toEqual(ids);
  });

  it('acks nothing on a 200 that is not the protocol (captive portal)', async () => {
    await queue(2);
    const { config } = endpoint(
      () => new Response('<html><body>Welcome to Free Wi-Fi</body></html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    );
    await expect(pushOutbox(db, config)).rejects.toMatchObject({ code: 'protocol' });
    expect(await db.outbox.count()).toBe(2);
  });

  it('acks nothing on JSON without the protocol marker', async () => {
    const ids = await queue(1);
    const { config } = endpoint(() => json({ acked: ids, rejected: [] }));
    await expect(pushOutbox(db, config)).rejects.toBeInstanceOf(SyncError);
    expect(await db.outbox.count()).toBe(1);
  });

  it('keeps refused mutations, marked, and does not send them again', async () => {
    const ids = await queue(2);
    const { config, requests } = endpoint((body) =>
      json({
        protocol: PROTOCOL,
        acked: body.mutations.filter((m) => m.id !== ids[0]).map((m) => m.id),
        rejected: body.mutations.filter((m) => m.id === ids[0]).map((m) => ({ id: m.id, code: 'forbidden', message: 'no' })),
      }),
    );
    await pushOutbox(db, config);
    await pushOutbox(db, config);
    expect(requests).toHaveLength(1);
    expect(await db.outbox.toArray()).toMatchObject([{ id: ids[0], state: 'rejected', rejection: { code: 'forbidden' } }]);
  });

  it('sends in batches, oldest first', async () => {
    const ids = await queue(PUSH_BATCH_SIZE + 3);
    const { config, requests } = endpoint((body) => json({ protocol: PROTOCOL, acked: body.mutations.map((m) => m.id), rejected: [] }));
    await pushOutbox(db, config);
    expect(requests.map((r) => r.mutations.length)).toEqual([PUSH_BATCH_SIZE, 3]);
    expect(requests.flatMap((r) => r.mutations.map((m) => m.id))).toEqual(ids);
    expect(await db.outbox.count()).toBe(0);
  });

  it('turns a 401 into an unauthorized error and keeps the outbox', async () => {
    await queue(1);
    const { config } = endpoint(() => json({ error: { code: 'token_revoked', message: 'revoked' } }, 401));
    await expect(pushOutbox(db, config)).rejects.toMatchObject({ code: 'unauthorized', serverCode: 'token_revoked' });
    expect(await db.outbox.count()).toBe(1);
  });

  it('turns a refused connection into a network error', async () => {
    await queue(1);
    const config = { baseUrl: 'http://127.0.0.1:1', token: 't' };
    await expect(pushOutbox(db, config)).rejects.toMatchObject({ code: 'network' });
    expect(await db.outbox.count()).toBe(1);
  });

  it('writes the answer it received even when the next request fails', async () => {
    const ids = await queue(PUSH_BATCH_SIZE + 2);
    let calls = 0;
    const { config } = endpoint((body) => {
      calls++;
      if (calls === 2) throw new TypeError('Failed to fetch');
      return json({ protocol: PROTOCOL, acked: body.mutations.map((m) => m.id), rejected: [] });
    });
    await expect(pushOutbox(db, config)).rejects.toMatchObject({ code: 'network' });
    // The first batch's acks are written before the run ends; the second batch stays, in order.
    expect((await inState(db, 'pending').toArray()).map((r) => r.id)).toEqual(ids.slice(PUSH_BATCH_SIZE));
  });

  it('sends rows that share a queue time (restored from a backup) exactly once each', async () => {
    const ids = await queue(PUSH_BATCH_SIZE + 10);
    // Every row at one queue time: the read cursor must page through them by id, not by time.
    await db.outbox.toCollection().modify({ queuedAt: 1_000 });
    const { config, requests } = endpoint((body) => json({ protocol: PROTOCOL, acked: body.mutations.map((m) => m.id), rejected: [] }));
    const result = await pushOutbox(db, config);
    const sent = requests.flatMap((r) => r.mutations.map((m) => m.id));
    expect(result.acked).toBe(ids.length);
    expect(sent.sort()).toEqual([...ids].sort());
    expect(await db.outbox.count()).toBe(0);
  });

  it('fails the run when writing an answer fails, and keeps the rows', async () => {
    await queue(3);
    await failWrites(db, 'queue', (req) => req.type.startsWith('delete'));
    const { config } = endpoint((body) => json({ protocol: PROTOCOL, acked: body.mutations.map((m) => m.id), rejected: [] }));
    await expect(pushOutbox(db, config)).rejects.toThrow('disk gone');
    expect(await db.outbox.count()).toBe(3);
  });
});
