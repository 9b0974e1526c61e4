import { describe, expect, it } from 'vitest';
import { createFixFilter } from '../../../src/shared/tracks/acceptFix';
import { trackDistanceMetres } from '../../../src/shared/tracks/trackDistance';
import type { TrackPoint } from '../../../src/shared/domain/rounds';
import { offset } from './offset';

const GATE = { lat: 30.655, lng: 104.104 };

function point(eastM: number, northM: number, segment: number, suspect?: true): TrackPoint {
  return { at: 0, ...offset(GATE, eastM, northM), accuracy: 5, segment, ...(suspect ? { suspect } : {}) };
}

describe('trackDistanceMetres', () => {
  it('sums the steps of one segment', () => {
    expect(trackDistanceMetres([point(0, 0, 0), point(30, 0, 0), point(30, 40, 0)])).toBeCloseTo(70, 1);
  });

  it('adds nothing across a gap, however far apart its two sides are', () => {
    const points = [point(0, 0, 0), point(10, 0, 0), point(2000, 1500, 1), point(2000, 1510, 1)];
    expect(trackDistanceMetres(points)).toBeCloseTo(20, 1);
  });

  it('skips suspect points, joining their trusted neighbours', () => {
    const points = [point(0, 0, 0), point(400, 0, 0, true), point(8, 0, 0)];
    expect(trackDistanceMetres(points)).toBeCloseTo(8, 1);
  });

  it('is zero for no points, one point, or one point per segment', () => {
    expect(trackDistanceMetres([])).toBe(0);
    expect(trackDistanceMetres([point(0, 0, 0)])).toBe(0);
    expect(trackDistanceMetres([point(0, 0, 0), point(500, 0, 1), point(0, 500, 2)])).toBe(0);
  });

  it('measures what the fix filter keeps: 1 km walked, a spike, and a 5 min gap', () => {
    const filter = createFixFilter();
    const start = Date.UTC(2025, 4, 12, 1, 0, 0);
    const offer = (seconds: number, eastM: number) => filter.offer({ at: start + seconds * 1000, ...offset(GATE, eastM, 0), accuracy: 6 });
    const kept: TrackPoint[] = [];
    const keep = (d: ReturnType<typeof offer>) => d.kind !== 'rejected' && kept.push(d.point);
    for (let t = 0; t <= 400; t += 5) keep(offer(t, 1.25 * t)); // 500 m
    keep(offer(402, 900)); // a wild fix
    for (let t = 705; t <= 1105; t += 5) keep(offer(t, 2000 + 1.25 * (t - 705))); // after the gap, 500 m more
    expect(trackDistanceMetres(kept)).toBeCloseTo(1000, 0);
  });
});
