// A phone that last ran the version-1 schema, with records still waiting to sync, opens the
// current app: every row survives and the waiting mutations are found by the new index.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { PatrolDb } from '../../src/app/db/db';
import { inState } from '../../src/app/db/outboxQueries';
import { draftWith } from '../fixtures/hazards';

/** The schema as version 1 shipped it, copied here so later edits to db.ts cannot change it. */
function openVersion1(name: string): Dexie {
  const v1 = new Dexie(name);
  v1.version(1).stores({
    meta: 'key',
    hazards: 'id, createdAt, roundId',
    outbox: 'id, queuedAt, state, entityId',
    teams: 'id',
    members: 'id, teamId',
    compounds: 'id',
    propertyCompanies: 'id',
    categories: 'id, sort',
  });
  return v1;
}

let name = '';
afterEach(async () => {
  await Dexie.delete(name);
});

describe('client schema upgrades', () => {
  it('v1 → current keeps hazards, meta and unsynced outbox rows, in queue order', async () => {
    name = `upgrade-${crypto.randomUUID()}`;
    const v1 = openVersion1(name);
    const drafts = [draftWith(), draftWith(), draftWith()];
    const rows = drafts.map((data, i) => ({
      id: crypto.randomUUID(),
      mutation: { id: '', type: 'hazard.create', at: data.createdAt, data },
      entityId: data.id,
      queuedAt: 1_000 + i,
      state: i === 1 ? 'rejected' : 'pending',
      rejection: i === 1 ? { code: 'forbidden', message: 'no' } : null,
    }));
    rows.forEach((row) => (row.mutation.id = row.id));
    await v1.table('outbox').bulkAdd(rows);
    await v1.table('hazards').bulkAdd(drafts.map((d) => ({ ...d, reporterId: 'm-a-01', teamId: 'team-a', status: 'open', receivedAt: null })));
    await v1.table('meta').put({ key: 'pullCursor', value: 'abc' });
    v1.close();

    const current = new PatrolDb(name);
    await current.open();
    expect(current.verno).toBeGreaterThan(1);
    expect(await current.hazards.count()).toBe(3);
    expect((await current.meta.get('pullCursor'))?.value).toBe('abc');
    expect((await inState(current, 'pending').toArray()).map((r) => r.id)).toEqual([rows[0]!.id, rows[2]!.id]);
    expect((await inState(current, 'rejected').toArray()).map((r) => r.rejection)).toEqual([{ code: 'forbidden', message: 'no' }]);
    current.close();
  });
});
