// Getting a day from the server: every page lands in Dexie as it arrives, progress counts up,
// and a failure midway keeps the pages already written. Mocked only at the network edge.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PatrolDb } from '../../../src/app/db/db';
import { fetchRoundsRange } from '../../../src/app/sync/fetchRoundsRange';
import { PROTOCOL } from '../../../src/shared/protocol/sync';
import type { Round } from '../../../src/shared/domain/rounds';

const DAY = { from: Date.parse('2026-03-02T00:00:00+08:00'), to: Date.parse('2026-03-03T00:00:00+08:00') };
const round = (): Round => ({
  id: crypto.randomUUID(), teamId: 'team-a', memberIds: ['m-a-01'], startedAt: '2026-03-02T09:00:00+08:00', startedBy: 'm-a-01',
  endedAt: '2026-03-02T10:00:00+08:00', note: null, autoClosed: false,
});
const page = (rounds: Round[], total: number, nextCursor: string | null) => ({
  protocol: PROTOCOL,
  rounds,
  trackBatches: rounds.map((r) => ({ id: crypto.randomUUID(), roundId: r.id, points: [{ at: 1, lat: 30.69, lng: 104.05, accuracy: 5, segment: 0 }] })),
  checkpointScans: [],
  total,
  nextCursor,
});
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

let db: PatrolDb;
beforeEach(() => {
  db = new PatrolDb(`fetch-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('fetching a day of rounds', () => {
  it('asks for the day as instants, follows the cursor, writes each page and reports progress', async () => {
    const first = [round(), round()];
    const second = [round()];
    const urls: string[] = [];
    const fetch = vi.fn(async (url: URL | RequestInfo) => {
      urls.push(String(url));
      return urls.length === 1 ? json(page(first, 3, 'MQ')) : json(page(second, 3, null));
    });
    const progress: Array<[number, number]> = [];
    const result = await fetchRoundsRange(db, { baseUrl: 'http://127.0.0.1:9', token: 't', fetch }, DAY, (p) => progress.push([p.done, p.total]));
    expect(result).toEqual({ done: 3, total: 3 });
    expect(progress).toEqual([[2, 3], [3, 3]]);
    expect(new URL(urls[0]!).searchParams.get('from')).toBe('2026-03-01T16:00:00.000Z');
    expect(new URL(urls[1]!).searchParams.get('cursor')).toBe('MQ');
    expect(await db.rounds.count()).toBe(3);
    expect(await db.trackBatches.count()).toBe(3);
  });

  it('keeps the pages already written when a later page fails', async () => {
    let calls = 0;
    const fetch = vi.fn(async () => (++calls === 1 ? json(page([round()], 2, 'MQ')) : json({ error: { code: 'internal', message: 'x' } }, 500)));
    await expect(fetchRoundsRange(db, { baseUrl: 'http://127.0.0.1:9', token: 't', fetch }, DAY, () => undefined)).rejects.toThrow();
    expect(await db.rounds.count()).toBe(1);
  });
});
