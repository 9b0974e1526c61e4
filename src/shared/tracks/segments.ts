// Segments and gaps: a track is a list of segments, and between two segments nobody knows
// where the member was. Must hold: nothing joins the last point of one segment to the first of
// the next, not on a map and not in a distance.
import type { TrackPoint } from '../domain/rounds';
import { DEFAULT_FIX_FILTER } from './acceptFix';

type Timed = Pick<TrackPoint, 'at'>;
type Segmented = Pick<TrackPoint, 'at' | 'segment'>;

/**
 * Segment numbers for a time-ordered list of fixes that has none (imported, or from a test):
 * more than `gapMs` after the previous fix starts the next segment.
 */
export function assignSegments<P extends Timed>(points: readonly P[], gapMs: number = DEFAULT_FIX_FILTER.gapMs): Array<P & { segment: number }> {
  let segment = 0;
  return points.map((point, i) => {
    const previous = points[i - 1];
    if (previous !== undefined && point.at - previous.at > gapMs) segment += 1;
    return { ...point, segment };
  });
}

/** The points of each segment, in order: what a map draws as separate lines. */
export function splitSegments<P extends Segmented>(points: readonly P[]): P[][] {
  const segments: P[][] = [];
  let current: P[] | undefined;
  for (const point of points) {
    if (current === undefined || current[0]!.segment !== point.segment) {
      current = [];
      segments.push(current);
    }
    current.push(point);
  }
  return segments;
}

export interface GapSummary {
  gaps: number;
  /** Total time inside gaps: from the last fix before each gap to the first fix after it. */
  withoutPositionMs: number;
}

export interface RoundSpan {
  /** Round start and end (epoch ms). Given, a silence after the start or before the end longer
   *  than `gapMs` is a gap too: a round ended with the screen off must not look complete. */
  startedAt?: number;
  endedAt?: number;
  gapMs?: number;
}

/** "2 gaps, 14 min without position": from the stored segment numbers, plus the round's ends. */
export function summarizeGaps(points: readonly Segmented[], span: RoundSpan = {}): GapSummary {
  const gapMs = span.gapMs ?? DEFAULT_FIX_FILTER.gapMs;
  let gaps = 0;
  let withoutPositionMs = 0;
  const silence = (from: number, to: number) => {
    gaps += 1;
    withoutPositionMs += Math.max(0, to - from);
  };
  for (let i = 1; i < points.length; i++) {
    const previous = points[i - 1]!;
    const point = points[i]!;
    if (point.segment !== previous.segment) silence(previous.at, point.at);
  }
  const first = points[0];
  const last = points.at(-1);
  if (first === undefined || last === undefined) {
    // No fix at all: the whole round, when it lasted longer than a gap, went without position.
    if (span.startedAt !== undefined && span.endedAt !== undefined && span.endedAt - span.startedAt > gapMs) {
      silence(span.startedAt, span.endedAt);
    }
    return { gaps, withoutPositionMs };
  }
  if (span.startedAt !== undefined && first.at - span.startedAt > gapMs) silence(span.startedAt, first.at);
  if (span.endedAt !== undefined && span.endedAt - last.at > gapMs) silence(last.at, span.endedAt);
  return { gaps, withoutPositionMs };
}
