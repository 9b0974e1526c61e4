// The fix filter: which GPS fixes become track points. Pure, so the app can rebuild its state
// from the points it stored (resume after a kill) and tests need no clock.
// Must hold: a kept point's segment is the previous kept point's, plus one after a gap; a
// suspect point is stored but never anchors the speed check or counts for distance.
import type { TrackPoint } from '../domain/rounds';
import { haversineMetres } from './haversine';

/** A fix as the device reports it (epoch ms, WGS-84, accuracy radius in metres). */
export type Fix = Pick<TrackPoint, 'at' | 'lat' | 'lng' | 'accuracy'>;

export interface FixFilterOptions {
  /** Fixes with a larger accuracy radius are dropped. */
  maxAccuracyM: number;
  /** A fix closer than this to the last kept one is dropped… */
  minMoveM: number;
  /** …unless this long has passed since it, so a member standing still still leaves a trace. */
  keepAliveMs: number;
  /** A jump implying more than this is kept but marked suspect: nobody walks that fast. */
  maxSpeedKmh: number;
  /** More than this without a kept fix is a gap: the next fix starts a new segment. */
  gapMs: number;
}

export const DEFAULT_FIX_FILTER: Readonly<FixFilterOptions> = {
  maxAccuracyM: 35,
  minMoveM: 3,
  keepAliveMs: 30_000,
  maxSpeedKmh: 15,
  gapMs: 60_000,
};

/**
 * What the filter remembers. `lastKept` includes suspect points (it times keep-alive and gaps);
 * `lastTrusted` does not (it anchors the speed check, so one wild fix cannot make the next
 * good one look like a jump back). Both can be read back from stored points: see stateFromPoints.
 */
export interface FixFilterState {
  lastKept: TrackPoint | null;
  lastTrusted: TrackPoint | null;
}

export type RejectReason =
  | 'inaccurate'
  | 'too_close'
  /** Not newer than the last kept fix (a cached fix delivered late). */
  | 'out_of_order';

export type FixDecision =
  | { kind: 'kept'; point: TrackPoint; startsSegment: boolean }
  | { kind: 'suspect'; point: TrackPoint; speedKmh: number }
  | { kind: 'rejected'; reason: RejectReason };

export const EMPTY_FIX_FILTER_STATE: FixFilterState = { lastKept: null, lastTrusted: null };

export function acceptFix(state: FixFilterState, fix: Fix, options: FixFilterOptions = DEFAULT_FIX_FILTER): FixDecision {
  if (!(fix.accuracy <= options.maxAccuracyM)) return { kind: 'rejected', reason: 'inaccurate' };
  const { lastKept, lastTrusted } = state;
  const point = { at: fix.at, lat: fix.lat, lng: fix.lng, accuracy: fix.accuracy };
  if (lastKept === null) return { kind: 'kept', point: { ...point, segment: 0 }, startsSegment: true };

  const sinceKept = fix.at - lastKept.at;
  if (sinceKept <= 0) return { kind: 'rejected', reason: 'out_of_order' };
  // After a gap the first fix starts afresh: where the member went meanwhile is unknown, so
  // there is no speed to judge, and no distance will be counted across the break.
  if (sinceKept > options.gapMs) {
    return { kind: 'kept', point: { ...point, segment: lastKept.segment + 1 }, startsSegment: true };
  }
  if (sinceKept < options.keepAliveMs && haversineMetres(lastKept, fix) < options.minMoveM) {
    return { kind: 'rejected', reason: 'too_close' };
  }
  const segment = lastKept.segment;
  // The first point of a segment is always trusted, so lastTrusted is in this segment when set.
  if (lastTrusted !== null && lastTrusted.segment === segment) {
    const hours = (fix.at - lastTrusted.at) / 3_600_000;
    const speedKmh = hours > 0 ? haversineMetres(lastTrusted, fix) / 1000 / hours : Infinity;
    if (speedKmh > options.maxSpeedKmh) {
      return { kind: 'suspect', point: { ...point, segment, suspect: true }, speedKmh };
    }
  }
  return { kind: 'kept', point: { ...point, segment }, startsSegment: false };
}

/** The state after a decision: rejected fixes change nothing. */
export function nextFixFilterState(state: FixFilterState, decision: FixDecision): FixFilterState {
  if (decision.kind === 'rejected') return state;
  if (decision.kind === 'suspect') return { lastKept: decision.point, lastTrusted: state.lastTrusted };
  return { lastKept: decision.point, lastTrusted: decision.point };
}

/** Rebuild the state from a round's stored points (time-ordered), e.g. when resuming it. */
export function stateFromPoints(points: readonly TrackPoint[]): FixFilterState {
  const lastKept = points.at(-1) ?? null;
  let lastTrusted: TrackPoint | null = null;
  for (let i = points.length - 1; i >= 0 && lastTrusted === null; i--) {
    const point = points[i]!;
    if (lastKept !== null && point.segment !== lastKept.segment) break;
    if (point.suspect !== true) lastTrusted = point;
  }
  return { lastKept, lastTrusted };
}

/** A stateful wrapper for the round screen: offer each fix, store the points it keeps. */
export function createFixFilter(options: FixFilterOptions = DEFAULT_FIX_FILTER, resumeFrom: readonly TrackPoint[] = []) {
  let state = stateFromPoints(resumeFrom);
  return {
    offer(fix: Fix): FixDecision {
      const decision = acceptFix(state, fix, options);
      state = nextFixFilterState(state, decision);
      return decision;
    },
    get state(): FixFilterState {
      return state;
    },
  };
}
