// Round writes on the phone: each record and its outbox mutation together, track points batched
// (never one mutation per fix), and a round left open over 12 h closed at its last fix.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PatrolDb } from '../../src/app/db/db';
import type { Session } from '../../src/app/db/meta';
import { inState } from '../../src/app/db/outboxQueries';
import { closeIfStale, endRound, flushTrack, recordPoint, startRound } from '../../src/app/features/rounds/roundWrites';
import type { TrackPoint } from '../../src/shared/domain/rounds';

const session: Session = {
  token: 't',
  member: { id: 'm-a-02', name: '张伟', teamId: 'team-a', role: 'member' },
  deviceName: 'test',
  enrolledAt: '2026-11-27T00:00:00.000Z',
};
const START = Date.parse('2026-11-27T08:00:00.000Z');
const point = (i: number, segment = 0): TrackPoint => ({ at: START + i * 5_000, lat: 30.655 + i * 1e-5, lng: 104.104, accuracy: 5, segment });

let db: PatrolDb;
beforeEach(() => {
  db = new PatrolDb(`rounds-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const queuedTypes = async () => (await inState(db, 'pending').toArray()).map((row) => row.mutation.type);

describe('round writes', () => {
  it('starts a round of my team with me first, and queues round.start', async () => {
    const round = await startRound(db, session, ['m-a-05', 'm-a-02'], new Date(START));
    expect(round).toMatchObject({ teamId: 'team-a', startedBy: 'm-a-02', memberIds: ['m-a-02', 'm-a-05'], endedAt: null });
    expect(await db.rounds.get(round.id)).toEqual(round);
    expect(await queuedTypes()).toEqual(['round.start']);
  });

  it('batches track points: 1,203 fixes become 3 track.append mutations, in order', async () => {
    const round = await startRound(db, session, [], new Date(START));
    for (let i = 0; i < 1_203; i++) await recordPoint(db, round.id, point(i));
    expect(await flushTrack(db, round.id)).toBe(1_203);
    const batches = (await inState(db, 'pending').toArray()).filter((row) => row.mutation.type === 'track.append');
    const sizes = batches.map((row) => (row.mutation.type === 'track.append' ? row.mutation.data.points.length : 0));
    expect(sizes).toEqual([500, 500, 203]);
    expect(await db.trackPoints.where('[roundId+batchId]').equals([round.id, '']).count()).toBe(0);
    expect(await flushTrack(db, round.id)).toBe(0);
  });

  it('ends a round: remaining points are flushed first, then round.end with the note', async () => {
    const round = await startRound(db, session, [], new Date(START));
    await recordPoint(db, round.id, point(1));
    await endRound(db, round, { note: '北门畅通', endedAt: new Date(START + 60_000), autoClosed: false });
    expect(await queuedTypes()).toEqual(['round.start', 'track.append', 'round.end']);
    expect(await db.rounds.get(round.id)).toMatchObject({ note: '北门畅通', autoClosed: false });
  });

  it('closes a round left open over 12 h at its last fix, marked as such, and leaves a fresh one alone', async () => {
    const round = await startRound(db, session, [], new Date(START));
    await recordPoint(db, round.id, point(10));
    expect(await closeIfStale(db, round, new Date(START + 11 * 3_600_000))).toBe(false);
    expect(await closeIfStale(db, round, new Date(START + 13 * 3_600_000))).toBe(true);
    expect(await db.rounds.get(round.id)).toMatchObject({ endedAt: new Date(point(10).at).toISOString(), autoClosed: true });
  });
});
