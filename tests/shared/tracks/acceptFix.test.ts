import { describe, expect, it } from 'vitest';
import {
  acceptFix,
  createFixFilter,
  DEFAULT_FIX_FILTER,
  EMPTY_FIX_FILTER_STATE,
  stateFromPoints,
  type Fix,
} from '../../../src/shared/tracks/acceptFix';
import type { TrackPoint } from '../../../src/shared/domain/rounds';
import { offset } from './offset';

const T0 = Date.UTC(2025, 4, 12, 1, 0, 0);
const GATE = { lat: 30.655, lng: 104.104 };

/** A fix `seconds` after T0, `east`/`north` metres from the gate. */
function fix(seconds: number, east = 0, north = 0, accuracy = 8): Fix {
  return { at: T0 + seconds * 1000, ...offset(GATE, east, north), accuracy };
}

function startedAt(first: Fix) {
  const filter = createFixFilter();
  expect(filter.offer(first).kind).toBe('kept');
  return filter;
}

describe('acceptFix: accuracy', () => {
  it('keeps the first accurate fix as segment 0', () => {
    const decision = acceptFix(EMPTY_FIX_FILTER_STATE, fix(0));
    expect(decision).toEqual({ kind: 'kept', point: { ...fix(0), segment: 0 }, startsSegment: true });
  });

  it('drops fixes less accurate than 35 m, keeps 35 m exactly', () => {
    expect(acceptFix(EMPTY_FIX_FILTER_STATE, fix(0, 0, 0, 35.1))).toEqual({ kind: 'rejected', reason: 'inaccurate' });
    expect(acceptFix(EMPTY_FIX_FILTER_STATE, fix(0, 0, 0, 35)).kind).toBe('kept');
    expect(acceptFix(EMPTY_FIX_FILTER_STATE, fix(0, 0, 0, Number.NaN))).toEqual({ kind: 'rejected', reason: 'inaccurate' });
  });

  it('takes the accuracy limit as an option', () => {
    const loose = { ...DEFAULT_FIX_FILTER, maxAccuracyM: 50 };
    expect(acceptFix(EMPTY_FIX_FILTER_STATE, fix(0, 0, 0, 48), loose).kind).toBe('kept');
  });
});

describe('acceptFix: minimum move and keep-alive', () => {
  it('drops a fix under 3 m from the last kept one, keeps one of 3 m or more', () => {
    const filter = startedAt(fix(0));
    expect(filter.offer(fix(5, 2))).toEqual({ kind: 'rejected', reason: 'too_close' });
    expect(filter.offer(fix(10, 3.2)).kind).toBe('kept');
  });

  it('keeps a standing member once 30 s have passed since the last kept fix', () => {
    const filter = startedAt(fix(0));
    for (let s = 5; s < 30; s += 5) expect(filter.offer(fix(s, 1)).kind).toBe('rejected');
    const decision = filter.offer(fix(30, 1));
    expect(decision.kind).toBe('kept');
    // The keep-alive counts from the last kept fix, not the last fix offered.
    expect(filter.offer(fix(35, 1.5)).kind).toBe('rejected');
  });

  it('drops a fix that is not newer than the last kept one', () => {
    const filter = startedAt(fix(10));
    expect(filter.offer(fix(5, 50))).toEqual({ kind: 'rejected', reason: 'out_of_order' });
    expect(filter.offer(fix(10, 50))).toEqual({ kind: 'rejected', reason: 'out_of_order' });
  });
});

describe('acceptFix: speed jumps', () => {
  it('keeps walking pace (1.4 m/s) unmarked', () => {
    const filter = startedAt(fix(0));
    const decision = filter.offer(fix(5, 7));
    expect(decision.kind).toBe('kept');
    if (decision.kind === 'kept') expect(decision.point.suspect).toBeUndefined();
  });

  it('marks a jump faster than 15 km/h suspect, stores it, and judges the next fix from the last trusted one', () => {
    const filter = startedAt(fix(0));
    const jump = filter.offer(fix(5, 100)); // 100 m in 5 s: 72 km/h
    expect(jump.kind).toBe('suspect');
    if (jump.kind !== 'suspect') return;
    expect(jump.point).toMatchObject({ suspect: true, segment: 0 });
    expect(jump.speedKmh).toBeCloseTo(72, 0);
    // Back beside the start: a jump from the wild fix, but walking pace from the trusted one.
    const back = filter.offer(fix(10, 6));
    expect(back.kind).toBe('kept');
    expect(filter.state.lastTrusted?.at).toBe(T0 + 10_000);
  });

  it('holds the speed limit at 15 km/h by default and takes another as an option', () => {
    // 25 m in 5 s = 18 km/h.
    expect(startedAt(fix(0)).offer(fix(5, 25)).kind).toBe('suspect');
    const cyclingAllowed = createFixFilter({ ...DEFAULT_FIX_FILTER, maxSpeedKmh: 25 });
    cyclingAllowed.offer(fix(0));
    expect(cyclingAllowed.offer(fix(5, 25)).kind).toBe('kept');
  });
});

describe('acceptFix: gaps', () => {
  it('starts a new segment after more than 60 s without a kept fix, and judges no speed across it', () => {
    const filter = startedAt(fix(0));
    expect(filter.offer(fix(60, 10))).toMatchObject({ kind: 'kept', startsSegment: false, point: { segment: 0 } });
    // 1 km in 90 s would be 40 km/h, but across a gap the path is unknown, not fast.
    const after = filter.offer(fix(150, 1000));
    expect(after).toMatchObject({ kind: 'kept', startsSegment: true, point: { segment: 1 } });
    if (after.kind === 'kept') expect(after.point.suspect).toBeUndefined();
  });
});

describe('stateFromPoints', () => {
  it('resumes with the last stored point, trusting only an unmarked one of the same segment', () => {
    const points: TrackPoint[] = [
      { ...fix(0), segment: 0 },
      { ...fix(70), segment: 1 },
      { ...fix(75, 100), segment: 1, suspect: true },
    ];
    const state = stateFromPoints(points);
    expect(state.lastKept).toBe(points[2]);
    expect(state.lastTrusted).toBe(points[1]);
    expect(stateFromPoints([{ ...fix(0), segment: 0, suspect: true }, { ...fix(90, 200), segment: 1, suspect: true }]).lastTrusted).toBeNull();
    const resumed = createFixFilter(DEFAULT_FIX_FILTER, points);
    expect(resumed.offer(fix(80, 5)).kind).toBe('kept');
  });
});
