// Which position a new hazard takes, as pure functions: the round recorder's latest fix when it
// is recent and good, else the best fix the form's own watch has seen; and how long to wait
// before asking the GPS again after it answered "unavailable" or timed out.
// Why the round's fix: during a round the recorder already holds the GPS (one watch per page in
// practice), and a second watch started by the form often fails at first while the round's is
// ±8 m from a few seconds ago. Eight hazards were once saved "no position" that way.
import type { Position } from '../../../shared/domain/schemas';
import type { TrackPoint } from '../../../shared/domain/rounds';

/** A fix this good is what the form aims for (and what a later map placement may not overwrite). */
export const GOOD_ENOUGH_M = 30;
/** The round's fix is used only while it is this fresh: the member may have walked on since. */
export const ROUND_FIX_MAX_AGE_MS = 30_000;

export type FixSource = 'round' | 'gps';
export type ChosenFix = Position & { source: FixSource };

/** The round's last kept point as a position, when at most 30 s old and at most 30 m. */
export function roundFix(points: readonly Pick<TrackPoint, 'at' | 'lat' | 'lng' | 'accuracy'>[], now: number): ChosenFix | null {
  const last = points.at(-1);
  if (!last) return null;
  const age = now - last.at;
  if (age > ROUND_FIX_MAX_AGE_MS || age < -ROUND_FIX_MAX_AGE_MS) return null;
  if (last.accuracy > GOOD_ENOUGH_M) return null;
  return { lat: last.lat, lng: last.lng, accuracy: last.accuracy, at: new Date(last.at).toISOString(), source: 'round' };
}

/**
 * The better of the fix held and a new one: the more accurate wins, a tie goes to the newer.
 * So a ±8 m round fix is kept against a ±40 m first answer of the form's own watch, and replaced
 * by a ±5 m one.
 */
export function betterFix(held: ChosenFix | null, candidate: ChosenFix | null): ChosenFix | null {
  if (!candidate) return held;
  if (!held) return candidate;
  return candidate.accuracy <= held.accuracy ? candidate : held;
}

/** The position as stored: without the note of where it came from. */
export function positionOf({ lat, lng, accuracy, at }: ChosenFix): Position {
  return { lat, lng, accuracy, at };
}

/** Delays before asking the GPS again: 1, 2, 4, 8, then every 15 s, for as long as the form is open. */
export function retryDelayMs(failures: number): number {
  return Math.min(15_000, 1_000 * 2 ** Math.max(0, failures - 1));
}
