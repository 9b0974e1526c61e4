// Distance walked on a round: geodesic (haversine) over kept fixes, within segments only.
// Must hold: a gap adds nothing (we don't know the path), and suspect points are skipped, so
// no counted step implies faster than the fix filter's speed limit.
import type { TrackPoint } from '../domain/rounds';
import { haversineMetres } from './haversine';

type DistancePoint = Pick<TrackPoint, 'lat' | 'lng' | 'segment' | 'suspect'>;

/** Points in time order; suspect points are passed over, joining their trusted neighbours. */
export function trackDistanceMetres(points: readonly DistancePoint[]): number {
  let total = 0;
  let previous: DistancePoint | undefined;
  for (const point of points) {
    if (point.suspect === true) continue;
    if (previous !== undefined && previous.segment === point.segment) total += haversineMetres(previous, point);
    previous = point;
  }
  return total;
}
