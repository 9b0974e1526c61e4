import { describe, expect, it } from 'vitest';
import { simplifyForZoom, toleranceForZoom } from '../../../src/shared/map/simplifyTrack';
import { packedBounds, packTrack, unpackTrack } from '../../../src/shared/map/packedTrack';
import { simplifyPackedForZoom } from '../../../src/shared/map/simplifyTrack';
import { mulberry32 } from '../../fixtures/prng';

/** A noisy walk east, 1 fix / 5 s, with a gap (new segment) after `gapAfter` fixes. */
function walk(n: number, gapAfter: number) {
  const random = mulberry32(7);
  return Array.from({ length: n }, (_, i) => ({
    at: i * 5000 + (i > gapAfter ? 600_000 : 0),
    lat: 30.69 + (random() - 0.5) * 0.00002 + (i > gapAfter ? 0.003 : 0),
    lng: 104.05 + i * 0.00005,
    segment: i > gapAfter ? 1 : 0,
  }));
}

describe('display simplification per zoom', () => {
  it('keeps every segment break: one simplified line per segment, ends where the raw one ends', () => {
    const points = walk(400, 199);
    for (const zoom of [12, 15, 18]) {
      const lines = simplifyForZoom(points, zoom);
      expect(lines).toHaveLength(2);
      expect(lines[0]!.at(-1)).toEqual([points[199]!.lat, points[199]!.lng]);
      expect(lines[1]![0]).toEqual([points[200]!.lat, points[200]!.lng]);
    }
  });

  it('draws fewer points when zoomed out, and never more than the raw track', () => {
    const points = walk(2000, 999);
    const count = (zoom: number) => simplifyForZoom(points, zoom).reduce((n, line) => n + line.length, 0);
    expect(count(13)).toBeLessThan(count(18));
    expect(count(18)).toBeLessThanOrEqual(points.length);
    expect(count(13)).toBeLessThan(points.length / 10);
  });

  it('keeps a one-fix segment (a fix between two gaps) as its own line', () => {
    const points = [
      { at: 0, lat: 30.69, lng: 104.05, segment: 0 },
      { at: 5000, lat: 30.6901, lng: 104.05, segment: 0 },
      { at: 200_000, lat: 30.691, lng: 104.051, segment: 1 },
      { at: 400_000, lat: 30.692, lng: 104.052, segment: 2 },
    ];
    expect(simplifyForZoom(points, 16).map((line) => line.length)).toEqual([2, 1, 1]);
  });

  it('halves the tolerance with each zoom level', () => {
    expect(toleranceForZoom(15) / toleranceForZoom(16)).toBeCloseTo(2, 10);
  });
});

describe('packed tracks', () => {
  it('unpack what they pack, and simplify exactly as the point objects do (breaks kept)', () => {
    const points = walk(600, 299).map((p, i) => (i === 10 ? { ...p, accuracy: 0, suspect: true } : { ...p, accuracy: 0 }));
    const packed = packTrack(points);
    expect(unpackTrack(packed)).toEqual(points);
    for (const zoom of [13, 16, 18]) expect(simplifyPackedForZoom(packed, zoom)).toEqual(simplifyForZoom(points, zoom));
    expect(packedBounds(packed)).toEqual([
      Math.min(...points.map((p) => p.lat)), Math.min(...points.map((p) => p.lng)),
      Math.max(...points.map((p) => p.lat)), Math.max(...points.map((p) => p.lng)),
    ]);
  });
});
