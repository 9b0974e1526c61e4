import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PatrolDb } from '../../src/app/db/db';
import { saveHazard } from '../../src/app/db/saveHazard';
import { isQuotaExceeded } from '../../src/app/db/storageErrors';
import { inState } from '../../src/app/db/outboxQueries';
import { draftWith } from '../fixtures/hazards';
import { failWrites } from '../fixtures/failingStore';

const session = { member: { id: 'm-a-01', name: '张伟', teamId: 'team-a', role: 'member' as const } };
let db: PatrolDb;

beforeEach(() => {
  db = new PatrolDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('saveHazard', () => {
  it('writes the hazard and its outbox mutation together', async () => {
    const draft = draftWith();
    const saved = await saveHazard(db, session, draft);
    expect(saved).toMatchObject({ id: draft.id, reporterId: 'm-a-01', teamId: 'team-a', status: 'open', receivedAt: null });
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ entityId: draft.id, state: 'pending', mutation: { type: 'hazard.create', data: draft } });
    expect(outbox[0]!.id).toBe(outbox[0]!.mutation.id);
    expect(await db.hazards.get(draft.id)).toBeDefined();
  });

  it('writes neither row when the outbox write fails', async () => {
    const first = draftWith();
    await saveHazard(db, session, first);
    // The second write of the transaction fails: the outbox's store refuses it.
    const second = draftWith();
    await failWrites(db, 'queue');
    await expect(saveHazard(db, session, second)).rejects.toThrow();
    expect(await db.hazards.get(second.id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(1);
  });

  it('refuses a draft the endpoint would refuse, and writes nothing', async () => {
    await expect(saveHazard(db, session, draftWith({ severity: 'extreme' as never }))).rejects.toThrow();
    expect(await db.hazards.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('isQuotaExceeded', () => {
  it('sees a quota error however Dexie wraps it', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaExceeded(quota)).toBe(true);
    expect(isQuotaExceeded({ name: 'AbortError', inner: quota })).toBe(true);
    expect(isQuotaExceeded({ name: 'AbortError', inner: { name: 'ConstraintError' } })).toBe(false);
    expect(isQuotaExceeded(new Error('boom'))).toBe(false);
  });
});

describe('outbox order', () => {
  it('does not follow the phone clock backwards: a later save is queued after an earlier one', async () => {
    const first = draftWith();
    const second = draftWith();
    await saveHazard(db, session, first, new Date('2026-11-27T10:00:00Z'));
    // The member fixes a clock that ran an hour fast, then saves again.
    await saveHazard(db, session, second, new Date('2026-11-27T09:00:00Z'));
    const queued = await inState(db, 'pending').toArray();
    expect(queued.map((row) => row.entityId)).toEqual([first.id, second.id]);
  });
});
