// Resuming a round on app start (reload, crash, phone restart): which open round goes on
// recording by itself, which is closed as stale, which is left alone, and the time the app was
// not running recorded as a gap (the next fix starts a new segment).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PatrolDb, type LocalRound } from '../../../src/app/db/db';
import { getMeta, type Session } from '../../../src/app/db/meta';
import { recordPoint, startRound } from '../../../src/app/features/rounds/roundWrites';
import { findOpenRound, resumeDecision } from '../../../src/app/features/rounds/openRound';
import { resumeOpenRound } from '../../../src/app/features/rounds/resumeRound';
import { roundController } from '../../../src/app/features/rounds/roundController';
import { type fakeGeolocation, installFakeBrowser } from './fakeBrowser';

const session: Session = {
  token: 't',
  member: { id: 'm-a-02', name: '张伟', teamId: 'team-a', role: 'member' },
  deviceName: 'test',
  enrolledAt: '2026-11-27T00:00:00.000Z',
};
const MIN = 60_000;

let db: PatrolDb;
let gps: ReturnType<typeof fakeGeolocation>;
beforeEach(() => {
  db = new PatrolDb(`resume-${crypto.randomUUID()}`);
  gps = installFakeBrowser();
});
afterEach(async () => {
  await roundController.stop();
  vi.unstubAllGlobals();
  await db.delete();
});

/** A round started `ago` ms before now on this phone, with fixes every 5 s until `lastFixAgo`. */
async function roundWalkedHere(ago: number, lastFixAgo: number): Promise<LocalRound> {
  const now = Date.now();
  const round = await startRound(db, session, [], new Date(now - ago));
  for (let at = now - ago; at <= now - lastFixAgo; at += 5_000) {
    await recordPoint(db, round.id, { at, lat: 30.655 + (at % 1e6) * 1e-9, lng: 104.104, accuracy: 5, segment: 2 });
  }
  return round;
}

describe('the resume decision on app start', () => {
  it('resumes an open round started on this phone', async () => {
    const round = await roundWalkedHere(30 * MIN, 10 * MIN);
    expect(await resumeDecision(db, session.member.id)).toEqual({ kind: 'resume', round });
  });

  it('resumes a round just started, before any fix', async () => {
    const round = await startRound(db, session, []);
    expect(await resumeDecision(db, session.member.id)).toEqual({ kind: 'resume', round });
  });

  it('calls a round silent over 12 h stale', async () => {
    const round = await roundWalkedHere(13 * 60 * MIN, 12 * 60 * MIN + MIN);
    expect(await resumeDecision(db, session.member.id)).toMatchObject({ kind: 'stale', round });
  });

  it('leaves alone my open round pulled from the phone I walk it with, and other members’ rounds', async () => {
    const pulled: LocalRound = {
      id: 'r-other-phone', teamId: 'team-a', memberIds: ['m-a-02'], startedAt: new Date().toISOString(),
      startedBy: 'm-a-02', endedAt: null, note: null, autoClosed: false,
    };
    await db.rounds.put(pulled);
    await db.rounds.put({ ...pulled, id: 'r-teammate', startedBy: 'm-a-05' });
    expect(await resumeDecision(db, session.member.id)).toEqual({ kind: 'none' });
  });

  it('still finds a round from before the mark existed, by the fixes kept on this phone', async () => {
    const round = await roundWalkedHere(20 * MIN, 5 * MIN);
    await db.meta.delete('roundOnThisPhone');
    expect(await findOpenRound(db, session.member.id)).toEqual(round);
  });

  it('forgets the round once it is ended', async () => {
    const round = await roundWalkedHere(20 * MIN, 5 * MIN);
    expect(await getMeta(db, 'roundOnThisPhone')).toBe(round.id);
    const { endRound } = await import('../../../src/app/features/rounds/roundWrites');
    await endRound(db, round, { note: null, endedAt: new Date(), autoClosed: false });
    expect(await getMeta(db, 'roundOnThisPhone')).toBeUndefined();
    expect(await resumeDecision(db, session.member.id)).toEqual({ kind: 'none' });
  });
});

describe('resuming', () => {
  it('records again with no tap, and the first fix after the restart starts a new segment', async () => {
    const round = await roundWalkedHere(30 * MIN, 4 * MIN);
    const afterWrite = vi.fn();
    expect(await resumeOpenRound(db, session.member.id, afterWrite)).toBe('resumed');
    expect(roundController.get()?.round.id).toBe(round.id);
    expect(gps.watching()).toBe(1);

    gps.emit({ latitude: 30.656, longitude: 104.105, accuracy: 6 });
    await vi.waitFor(async () => expect(await db.trackPoints.where('[roundId+batchId]').equals([round.id, '']).count()).toBeGreaterThan(0));
    const points = await db.trackPoints.where('[roundId+at]').between([round.id, -Infinity], [round.id, Infinity]).toArray();
    const [before, after] = [points.at(-2)!, points.at(-1)!];
    expect(before.segment).toBe(2);
    expect(after).toMatchObject({ roundId: round.id, segment: 3, lat: 30.656 });
    expect(roundController.get()?.update.lastFixAt).toBe(after.at);
  });

  it('closes a stale round at its last fix instead of recording it', async () => {
    const round = await roundWalkedHere(14 * 60 * MIN, 13 * 60 * MIN);
    const afterWrite = vi.fn();
    expect(await resumeOpenRound(db, session.member.id, afterWrite)).toBe('closed');
    expect(await db.rounds.get(round.id)).toMatchObject({ autoClosed: true });
    expect(afterWrite).toHaveBeenCalled();
    expect(roundController.get()).toBeNull();
    expect(gps.watching()).toBe(0);
  });

  it('does nothing without an open round', async () => {
    expect(await resumeOpenRound(db, session.member.id, vi.fn())).toBe('none');
    expect(roundController.get()).toBeNull();
  });
});
