// A hazard logged while a round is open on this phone belongs to it, also right after a reload
// when the form saves before the recorder has started (the controller knows nothing yet).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PatrolDb } from '../../../src/app/db/db';
import type { Session } from '../../../src/app/db/meta';
import { saveHazard } from '../../../src/app/db/saveHazard';
import { endRound, startRound } from '../../../src/app/features/rounds/roundWrites';
import { roundIdForNewHazard } from '../../../src/app/features/rounds/openRound';
import { roundController } from '../../../src/app/features/rounds/roundController';
import { draftWith } from '../../fixtures/hazards';
import { installFakeBrowser } from './fakeBrowser';

const session: Session = {
  token: 't',
  member: { id: 'm-a-02', name: '张伟', teamId: 'team-a', role: 'member' },
  deviceName: 'test',
  enrolledAt: '2026-11-27T00:00:00.000Z',
};

let db: PatrolDb;
beforeEach(() => {
  db = new PatrolDb(`hazard-round-${crypto.randomUUID()}`);
  installFakeBrowser();
});
afterEach(async () => {
  await roundController.stop();
  vi.unstubAllGlobals();
  await db.delete();
});

async function logHazard() {
  const draft = draftWith({ roundId: await roundIdForNewHazard(db, session.member.id) });
  await saveHazard(db, session, draft);
  const [row] = await db.outbox.filter((r) => r.mutation.type === 'hazard.create').toArray();
  return { stored: await db.hazards.get(draft.id), sent: row?.mutation.type === 'hazard.create' ? row.mutation.data : null };
}

describe('the round a new hazard belongs to', () => {
  it('is the open round on this phone even before the recorder has started (right after a reload)', async () => {
    const round = await startRound(db, session, []);
    expect(roundController.get()).toBeNull();
    const { stored, sent } = await logHazard();
    expect(stored?.roundId).toBe(round.id);
    expect(sent?.roundId).toBe(round.id);
  });

  it('is the recording round while it records', async () => {
    const round = await startRound(db, session, []);
    await roundController.record(db, round, () => undefined);
    expect((await logHazard()).stored?.roundId).toBe(round.id);
  });

  it('is none once the round has ended', async () => {
    const round = await startRound(db, session, []);
    await endRound(db, round, { note: null, endedAt: new Date(), autoClosed: false });
    expect((await logHazard()).stored?.roundId).toBeNull();
  });

  it('is none for a round open over 12 h (it is about to be closed as stale)', async () => {
    await startRound(db, session, [], new Date(Date.now() - 13 * 3_600_000));
    expect((await logHazard()).stored?.roundId).toBeNull();
  });
});
