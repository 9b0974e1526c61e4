// Builders for the round mutations and a bounded pull of everything a token may see, for the
// rounds suites. Mutations get fresh ids unless a test passes the data it wants repeated.
import { expect } from 'vitest';
import type { TrackPoint } from '../../../src/shared/domain/rounds';
import type { Position } from '../../../src/shared/domain/schemas';
import {
  pullResponseSchema,
  pushResponseSchema,
  type Change,
  type Mutation,
  type CheckpointScanMutation,
  type RoundEndMutation,
  type RoundStartMutation,
  type TrackAppendMutation,
} from '../../../src/shared/protocol/sync';
import { call, push } from './api';

const T0 = Date.parse('2026-03-02T08:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const base = () => ({ id: crypto.randomUUID(), at: new Date().toISOString() });

export function roundStart(teamId: string, memberIds: string[], id: string = crypto.randomUUID()): RoundStartMutation {
  return { ...base(), type: 'round.start', data: { id, teamId, memberIds, startedAt: iso(T0) } };
}

export function roundEnd(roundId: string, patch: Partial<RoundEndMutation['data']> = {}): RoundEndMutation {
  return { ...base(), type: 'round.end', data: { roundId, endedAt: iso(T0 + 3_600_000), note: null, autoClosed: false, ...patch } };
}

/** `n` fixes 5 s apart walking north from near the first demo compound. */
export function points(n: number): TrackPoint[] {
  return Array.from({ length: n }, (_, i) => ({ at: T0 + i * 5000, lat: 30.654 + i * 0.00003, lng: 104.104, accuracy: 8, segment: 0 }));
}

export function trackAppend(roundId: string, n = 3, id: string = crypto.randomUUID()): TrackAppendMutation {
  return { ...base(), type: 'track.append', data: { id, roundId, points: points(n) } };
}

export function checkpointScan(roundId: string, checkpointId: string, position: Position | null): CheckpointScanMutation {
  return {
    ...base(),
    type: 'checkpoint.scan',
    data: { id: crypto.randomUUID(), roundId, checkpointId, scannedAt: iso(T0 + 600_000), position, method: 'manual' },
  };
}

/** A position `northM` metres due north of a point (110,900 m per degree of latitude here). */
export function northOf(point: { lat: number; lng: number }, northM: number): Position {
  return { lat: point.lat + northM / 110_900, lng: point.lng, accuracy: 10, at: iso(T0 + 600_000) };
}

/** Every change the token may see, from the start or a cursor, in at most 50 pages. */
export async function pullAll(url: string, token: string, from = ''): Promise<{ changes: Change[]; cursor: string }> {
  const changes: Change[] = [];
  let cursor = from;
  for (let page = 0; page < 50; page++) {
    const result = await call(url, `/api/v1/sync/pull?limit=1000&cursor=${cursor}`, { token });
    expect(result.status).toBe(200);
    const body = pullResponseSchema.parse(result.body);
    changes.push(...body.changes);
    cursor = body.cursor;
    if (!body.hasMore) return { changes, cursor };
  }
  throw new Error('pull did not finish in 50 pages');
}

/** Pushes and answers, per mutation id, 'acked' or its rejection code. */
export async function pushOutcomes(url: string, token: string, mutations: Mutation[]): Promise<Record<string, string>> {
  const result = await push(url, token, mutations);
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  const body = pushResponseSchema.parse(result.body);
  return Object.fromEntries([...body.acked.map((id) => [id, 'acked']), ...body.rejected.map((r) => [r.id, r.code])]);
}
