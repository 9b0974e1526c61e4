import { describe, expect, it } from 'vitest';
import { createFixFilter, type Fix } from '../../../src/shared/tracks/acceptFix';
import { assignSegments, splitSegments, summarizeGaps } from '../../../src/shared/tracks/segments';
import type { TrackPoint } from '../../../src/shared/domain/rounds';
import { offset } from './offset';

const T0 = Date.UTC(2025, 4, 12, 1, 0, 0);
const GATE = { lat: 30.655, lng: 104.104 };
const s = (seconds: number) => T0 + seconds * 1000;

/** A member walking east at 1.2 m/s, one fix every 5 s, over the given seconds. */
function walk(fromSeconds: number, toSeconds: number): Fix[] {
  const fixes: Fix[] = [];
  for (let t = fromSeconds; t <= toSeconds; t += 5) fixes.push({ at: s(t), ...offset(GATE, 1.2 * t, 0), accuracy: 6 });
  return fixes;
}

function kept(fixes: readonly Fix[]): TrackPoint[] {
  const filter = createFixFilter();
  return fixes.flatMap((f) => {
    const decision = filter.offer(f);
    return decision.kind === 'rejected' ? [] : [decision.point];
  });
}

describe('gap detection', () => {
  it('90 s without a fix is 1 gap and 90,000 ms without position', () => {
    const points = kept([...walk(0, 60), ...walk(150, 200)]);
    expect(points.at(-1)?.segment).toBe(1);
    expect(summarizeGaps(points)).toEqual({ gaps: 1, withoutPositionMs: 90_000 });
  });

  it('60 s exactly is not a gap', () => {
    const points = kept([...walk(0, 30), ...walk(90, 120)]);
    expect(summarizeGaps(points)).toEqual({ gaps: 0, withoutPositionMs: 0 });
  });

  it('a screen off for 5 min, twice, is 2 gaps of 10 min in all', () => {
    const points = kept([...walk(0, 100), ...walk(400, 500), ...walk(800, 900)]);
    expect(summarizeGaps(points)).toEqual({ gaps: 2, withoutPositionMs: 600_000 });
  });

  it('counts silence after the start and before the end of the round', () => {
    const points = kept(walk(120, 200));
    expect(summarizeGaps(points, { startedAt: s(0), endedAt: s(200) })).toEqual({ gaps: 1, withoutPositionMs: 120_000 });
    expect(summarizeGaps(points, { startedAt: s(100), endedAt: s(290) })).toEqual({ gaps: 1, withoutPositionMs: 90_000 });
    expect(summarizeGaps(points, { startedAt: s(100), endedAt: s(250) })).toEqual({ gaps: 0, withoutPositionMs: 0 });
    expect(summarizeGaps([], { startedAt: s(0), endedAt: s(600) })).toEqual({ gaps: 1, withoutPositionMs: 600_000 });
    expect(summarizeGaps([])).toEqual({ gaps: 0, withoutPositionMs: 0 });
  });
});

describe('assignSegments', () => {
  it('numbers segments of a raw time-ordered list by the 60 s rule', () => {
    const raw = [0, 5, 65, 126, 130, 300].map((t) => ({ at: s(t), id: t }));
    expect(assignSegments(raw).map((p) => p.segment)).toEqual([0, 0, 0, 1, 1, 2]);
    expect(assignSegments(raw)[3]).toEqual({ at: s(126), id: 126, segment: 1 });
    expect(assignSegments(raw, 30_000).map((p) => p.segment)).toEqual([0, 0, 1, 2, 2, 3]);
  });

  it('agrees with the fix filter on where segments start', () => {
    const fixes = [...walk(0, 60), ...walk(150, 200), ...walk(400, 420)];
    expect(assignSegments(fixes).map((p) => p.segment)).toEqual(kept(fixes).map((p) => p.segment));
  });
});

describe('splitSegments', () => {
  it('returns the points of each segment apart, so no line joins them', () => {
    const points = assignSegments([0, 5, 100, 105, 110].map((t) => ({ at: s(t) })));
    expect(splitSegments(points).map((segment) => segment.map((p) => p.at))).toEqual([
      [s(0), s(5)],
      [s(100), s(105), s(110)],
    ]);
    expect(splitSegments([])).toEqual([]);
  });
});
