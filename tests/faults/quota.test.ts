// Scenario 8: storage full on save. fake-indexeddb's object store refuses the write with the
// browser's QuotaExceededError (the hazards write or, later in the same transaction, the
// outbox write); the save must fail with an error the form recognises, and leave both tables
// exactly as they were: no hazard without its mutation, no mutation without its hazard.
// First: Dexie looks for IndexedDB when it loads, and the app modules below load it.
import 'fake-indexeddb/auto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isQuotaExceeded } from '../../src/app/db/storageErrors';
import { saveHazard } from '../../src/app/db/saveHazard';
import type { HazardDraft } from '../../src/shared/domain/schemas';
import { N, runScenario } from './helpers/nodeScenario';
import { faultDraft, type NodePhone } from './helpers/nodePhone';
import { printTable } from './helpers/scoreboard';

afterAll(printTable);

type Add = IDBObjectStore['add'];
const realAdd: Add = IDBObjectStore.prototype.add;
let fullStore: string | null = null;

// Installed once: while `fullStore` names a store, writes to it fail as a full disk would.
// (The outbox's store is 'queue'.)
IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<Add>) {
  if (this.name === fullStore) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  return realAdd.apply(this, args);
};
afterEach(() => {
  fullStore = null;
});

const snapshot = async (phone: NodePhone) => ({
  hazards: await phone.db.hazards.toArray(),
  outbox: await phone.db.outbox.toArray(),
  meta: await phone.db.meta.toArray(),
});

describe('storage full', () => {
  it('#8: a QuotaExceededError refuses the save and touches nothing else', async () => {
    let refused = 0;
    await runScenario({
      scenario: '#8',
      code: 'DEMO-A-08',
      save: async (phone) => {
        const drafts: HazardDraft[] = [];
        for (let i = 0; i < N; i++) {
          const draft = faultDraft('#8', i, new Date());
          if (i % 100 === 50) {
            // Every 100th save first meets a full disk, alternately on each of its two writes.
            const before = await snapshot(phone);
            fullStore = refused % 2 === 0 ? 'hazards' : 'queue';
            const error: unknown = await saveHazard(phone.db, phone.session, draft).then(() => null, (e: unknown) => e);
            fullStore = null;
            expect(error, `save ${i} should have been refused`).not.toBeNull();
            expect(isQuotaExceeded(error), `not recognised as storage full: ${String(error)}`).toBe(true);
            expect(await snapshot(phone)).toEqual(before);
            refused++;
          }
          // Space freed: the same record saves.
          await saveHazard(phone.db, phone.session, draft);
          drafts.push(draft);
        }
        return drafts;
      },
      note: () => `${refused} saves refused as storage full (hazards or outbox write), each retried after`,
    });
    expect(refused).toBe(N / 100);
  });
});
