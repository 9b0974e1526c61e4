// Replay: where a round's walker was at a moment of the day, from its time-ordered fixes.
// Between two fixes of one segment the position is interpolated; inside a gap nobody knows, so
// the answer is the last fix before it, marked as such, never a point on a line across the gap.
import type { TrackPoint } from '../domain/rounds';

type Timed = Pick<TrackPoint, 'at' | 'lat' | 'lng' | 'segment'>;

export interface ReplayPosition {
  lat: number;
  lng: number;
  /** True inside a gap: the last known fix, not where the walker is. */
  lastKnown: boolean;
}

/** The index of the last point with `at` ≤ t, or -1 (binary search: the slider scrubs often). */
function lastAtOrBefore(points: readonly Timed[], t: number): number {
  let lo = 0;
  let hi = points.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.at <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** null before the first fix and after the last: the walker was not on this round then. */
export function replayPosition(points: readonly Timed[], t: number): ReplayPosition | null {
  const i = lastAtOrBefore(points, t);
  if (i < 0) return null;
  const before = points[i]!;
  const after = points[i + 1];
  if (after === undefined) return before.at === t ? { lat: before.lat, lng: before.lng, lastKnown: false } : null;
  if (after.segment !== before.segment) return { lat: before.lat, lng: before.lng, lastKnown: true };
  const f = after.at === before.at ? 0 : (t - before.at) / (after.at - before.at);
  return { lat: before.lat + (after.lat - before.lat) * f, lng: before.lng + (after.lng - before.lng) * f, lastKnown: false };
}
