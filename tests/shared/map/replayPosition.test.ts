import { describe, expect, it } from 'vitest';
import { replayPosition } from '../../../src/shared/map/replayPosition';

const points = [
  { at: 0, lat: 30.0, lng: 104.0, segment: 0 },
  { at: 10_000, lat: 30.001, lng: 104.002, segment: 0 },
  { at: 300_000, lat: 30.01, lng: 104.01, segment: 1 },
  { at: 310_000, lat: 30.011, lng: 104.01, segment: 1 },
];

describe('replay position', () => {
  it('interpolates between two fixes of one segment', () => {
    const p = replayPosition(points, 5000)!;
    expect(p.lat).toBeCloseTo(30.0005, 9);
    expect(p.lng).toBeCloseTo(104.001, 9);
    expect(p.lastKnown).toBe(false);
  });

  it('inside a gap gives the last fix before it, marked as last known, never a point across the gap', () => {
    expect(replayPosition(points, 150_000)).toEqual({ lat: 30.001, lng: 104.002, lastKnown: true });
  });

  it('is null before the first fix and after the last', () => {
    expect(replayPosition(points, -1)).toBeNull();
    expect(replayPosition(points, 310_001)).toBeNull();
    expect(replayPosition(points, 310_000)).toEqual({ lat: 30.011, lng: 104.01, lastKnown: false });
  });
});
