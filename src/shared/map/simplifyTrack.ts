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
 * 256 px tiles). The default, 3 px, is the drawn line's own width: every fix stays under the
 * stroke (within ~3.5 px: a latitude degree is ~15 % longer on screen in Chengdu), while the
 * walking jitter of GPS noise, which is not where anyone walked, is smoothed away. Drawing cost
 * in a software canvas grows with the vertices kept: 3 px instead of 1.5 px halved the time to
 * paint a whole day's 24 tracks in the bench.
 */
export function toleranceForZoom(zoom: number, pixels = 3): number {
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
