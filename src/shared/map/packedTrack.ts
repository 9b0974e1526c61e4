// A round's fixes packed into one Float64Array (at, lat, lng, segment, suspect per fix): what
// the map keeps in its cache, since IndexedDB reads a typed array as one block where 138,240
// point objects cost hundreds of milliseconds to deserialize. Unpacking gives the same points.
import type { TrackPoint } from '../domain/rounds';

export const STRIDE = 5;

export function packTrack(points: readonly TrackPoint[]): Float64Array {
  const packed = new Float64Array(points.length * STRIDE);
  points.forEach((p, i) => {
    const o = i * STRIDE;
    packed[o] = p.at;
    packed[o + 1] = p.lat;
    packed[o + 2] = p.lng;
    packed[o + 3] = p.segment;
    packed[o + 4] = p.suspect === true ? 1 : 0;
  });
  return packed;
}

export function unpackTrack(packed: Float64Array): TrackPoint[] {
  const points: TrackPoint[] = [];
  for (let i = 0; i < packed.length; i += STRIDE) {
    const point: TrackPoint = { at: packed[i]!, lat: packed[i + 1]!, lng: packed[i + 2]!, accuracy: 0, segment: packed[i + 3]! };
    if (packed[i + 4] === 1) point.suspect = true;
    points.push(point);
  }
  return points;
}

/** [south, west, north, east] of a packed track, or null when it has no fix. */
export function packedBounds(packed: Float64Array): [number, number, number, number] | null {
  if (packed.length === 0) return null;
  let [s, w, n, e] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < packed.length; i += STRIDE) {
    const lat = packed[i + 1]!;
    const lng = packed[i + 2]!;
    if (lat < s) s = lat;
    if (lat > n) n = lat;
    if (lng < w) w = lng;
    if (lng > e) e = lng;
  }
  return [s, w, n, e];
}
