// Tracks simplified for display at a zoom level (Douglas–Peucker via simplify-js). The raw
// points stay in storage; this only decides what a map draws. Must hold: a track is split into
// its segments first, so no simplified line ever joins one segment to the next across a gap.
import simplify from 'simplify-js';
import type { TrackPoint } from '../domain/rounds';
import { splitSegments } from '../tracks/segments';
import { STRIDE } from './packedTrack';

type Drawable = Pick<TrackPoint, 'at' | 'lat' | 'lng' | 'segment'>;

/**
 * The tolerance in degrees that is about `pixels` screen pixels at `zoom` (Web Mercator,
 * 256 px tiles). Longitude degrees are used for both axes: at Chengdu's latitude a latitude
 * degree is ~15 % longer on screen, so the line stays within 1.7 px of the raw one: less than its own width (3 px).
 */
export function toleranceForZoom(zoom: number, pixels = 1.5): number {
  return (pixels * 360) / (256 * 2 ** zoom);
}

/** Each segment's points as [lat, lng] pairs, simplified for `zoom`. One-point segments stay. */
export function simplifyForZoom<P extends Drawable>(points: readonly P[], zoom: number): Array<Array<[number, number]>> {
  const tolerance = toleranceForZoom(zoom);
  return splitSegments(points).map((segment) => {
    const xy = segment.map((p) => ({ x: p.lng, y: p.lat }));
    return simplify(xy, tolerance, false).map((p) => [p.y, p.x] as [number, number]);
  });
}

/** simplifyForZoom on a packed track, without making a point object per fix first. */
export function simplifyPackedForZoom(packed: Float64Array, zoom: number): Array<Array<[number, number]>> {
  const tolerance = toleranceForZoom(zoom);
  const lines: Array<Array<[number, number]>> = [];
  let current: Array<{ x: number; y: number }> = [];
  let segment = NaN;
  const flush = () => {
    if (current.length) lines.push(simplify(current, tolerance, false).map((p) => [p.y, p.x] as [number, number]));
    current = [];
  };
  for (let i = 0; i < packed.length; i += STRIDE) {
    if (packed[i + 3] !== segment) {
      flush();
      segment = packed[i + 3]!;
    }
    current.push({ x: packed[i + 2]!, y: packed[i + 1]! });
  }
  flush();
  return lines;
}
