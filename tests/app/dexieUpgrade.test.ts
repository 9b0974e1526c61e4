// Client migrations, for every shipped schema version: a database that version wrote, with
// unsynced outbox rows (pending and refused), opened by the current PatrolDb. Every row must
// survive and the waiting mutations must still push, in queue order. Each version's stores are
// frozen below; a new version() in db.ts must add its entry (the last test checks).
import 'fake-indexeddb/auto';
import { NEW_HAZARD_LIFECYCLE } from '../../src/shared/domain/schemas';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { PatrolDb, type LocalHazard, type OutboxRow } from '../../src/app/db/db';
import { pushOutbox } from '../../src/app/sync/pushOutbox';
import { PROTOCOL, type PushRequest } from '../../src/shared/protocol/sync';
import { draftWith } from '../fixtures/hazards';

/** The stores of every shipped version, as they were shipped. Never edit an entry. */
const SHIPPED: Record<number, Record<string, string | null>> = {
  1: {
    meta: 'key',
    hazards: 'id, createdAt, roundId',
    outbox: 'id, queuedAt, state, entityId',
    teams: 'id',
    members: 'id, teamId',
    compounds: 'id',
    propertyCompanies: 'id',
    categories: 'id, sort',
  },
  2: { outbox: 'id, entityId, [state+queuedAt]' },
  3: {
    checkpoints: 'id, &code, compoundId',
    rounds: 'id, startedAt, teamId',
    trackPoints: '++seq, [roundId+batchId], [roundId+at]',
    trackBatches: 'id, roundId',
    checkpointScans: 'id, roundId, scannedAt',
  },
  4: {
    photos: 'id, hazardId, [uploaded+createdAt]',
    hazardEvents: 'id, hazardId, at',
  },
  5: { outbox: null, queue: '++seq, &id, entityId, [state+seq]' },
};

const member = { id: 'm-a-01', name: '张伟', teamId: 'team-a', role: 'member' as const };
const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** Writes a database the way version `version` of the app would have left it. */
async function writtenBy(version: number, waiting: number) {
  const name = `upgrade-${version}-${crypto.randomUUID()}`;
  names.push(name);
  const old = new Dexie(name);
  for (let v = 1; v <= version; v++) old.version(v).stores(SHIPPED[v]!);
  const hazards: LocalHazard[] = [];
  const outbox: OutboxRow[] = [];
  for (let i = 0; i < waiting; i++) {
    const data = draftWith({ description: `waiting ${i}`, createdAt: new Date(Date.UTC(2026, 10, 27, 8, 0, i)).toISOString() });
    hazards.push({ ...data, reporterId: member.id, teamId: member.teamId, status: 'open', receivedAt: null, ...NEW_HAZARD_LIFECYCLE });
    outbox.push({
      id: crypto.randomUUID(),
      mutation: { id: '', type: 'hazard.create', at: data.createdAt, data },
      entityId: data.id,
      queuedAt: Date.parse(data.createdAt),
      // The last one was refused by the endpoint: it must stay refused, not be sent again.
      state: i === waiting - 1 ? 'rejected' : 'pending',
      rejection: i === waiting - 1 ? { code: 'invalid', message: 'unknown categoryId' } : null,
    });
  }
  for (const row of outbox) row.mutation.id = row.id;
  await old.table('hazards').bulkAdd(hazards);
  // From v5 the outbox is the 'queue' store, numbered in queue order.
  await old.table(version >= 5 ? 'queue' : 'outbox').bulkAdd(outbox.map((row) => ({ ...row })));
  await old.table('meta').bulkAdd([
    { key: 'session', value: { token: 't', member, deviceName: 'old phone', enrolledAt: '2026-11-01T00:00:00.000Z' } },
    { key: 'pullCursor', value: 'c-42' },
  ]);
  old.close();
  return { name, hazards, outbox };
}

const shipped = Object.keys(SHIPPED).map(Number);

describe('opening a database written by an earlier version', () => {
  it.each(shipped)('keeps every row written by version %i, and its waiting mutations still push', async (version) => {
    const before = await writtenBy(version, 120);
    const db = new PatrolDb(before.name);
    try {
      await db.open();
      expect(db.verno).toBeGreaterThanOrEqual(version);
      expect(await db.hazards.toArray()).toEqual(expect.arrayContaining(before.hazards));
      expect(await db.hazards.count()).toBe(before.hazards.length);
      const rows = await db.outbox.toArray();
      expect(rows.map(({ seq: _seq, ...row }) => row)).toEqual(before.outbox);
      expect((await db.meta.get('pullCursor'))?.value).toBe('c-42');

      const sent: string[] = [];
      const fetch = async (_url: URL | RequestInfo, init?: RequestInit) => {
        const body = JSON.parse(String(init?.body)) as PushRequest;
        sent.push(...body.mutations.map((m) => m.id));
        return Response.json({ protocol: PROTOCOL, acked: body.mutations.map((m) => m.id), rejected: [] });
      };
      await pushOutbox(db, { baseUrl: 'http://127.0.0.1:1', token: 't', fetch: fetch as typeof globalThis.fetch });
      expect(sent).toEqual(before.outbox.slice(0, -1).map((r) => r.id));
      expect((await db.outbox.toArray()).map((r) => r.state)).toEqual(['rejected']);
    } finally {
      db.close();
    }
  });

  it('keeps queue order across the move to queue positions (v5), ties by id as the old index had them', async () => {
    const name = `upgrade-ties-${crypto.randomUUID()}`;
    names.push(name);
    const old = new Dexie(name);
    for (let v = 1; v <= 4; v++) old.version(v).stores(SHIPPED[v]!);
    const row = (id: string, queuedAt: number): OutboxRow => {
      const data = draftWith();
      return { id, mutation: { id, type: 'hazard.create', at: data.createdAt, data }, entityId: data.id, queuedAt, state: 'pending', rejection: null };
    };
    // Added in an order unlike the queue's: later queue time first, and two rows sharing one.
    const ids = ['00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000c'];
    await old.table('outbox').bulkAdd([row(ids[0]!, 5), row(ids[1]!, 5), row(ids[2]!, 3)]);
    old.close();
    const db = new PatrolDb(name);
    try {
      expect((await db.outbox.toArray()).map((r) => r.id)).toEqual([ids[2], ids[1], ids[0]]);
    } finally {
      db.close();
    }
  });

  it('freezes every version db.ts declares', async () => {
    const db = new PatrolDb(`verno-${crypto.randomUUID()}`);
    names.push(db.name);
    await db.open();
    expect(Math.max(...shipped)).toBe(db.verno);
    db.close();
  });
});
