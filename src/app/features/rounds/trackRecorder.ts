// Records a round's track: GPS fixes through the shared fix filter into IndexedDB, batched into
// the outbox now and then. A kept fix is durable the moment it arrives; batching only decides
// how often the endpoint hears of them. Silence of over 60 s (screen off, app killed) becomes a
// gap when the next fix arrives, never a straight line.
import type { LocalRound, PatrolDb } from '../../db/db';
import { createFixFilter, DEFAULT_FIX_FILTER } from '../../../shared/tracks/acceptFix';
import type { TrackPoint } from '../../../shared/domain/rounds';
import { flushTrack, recordPoint } from './roundWrites';

/** Send a batch once this many points wait… */
export const FLUSH_POINTS = 60;
/** …or this long after the last batch, and whenever the page is hidden. */
export const FLUSH_INTERVAL_MS = 2 * 60_000;

export interface RecorderUpdate {
  points: readonly TrackPoint[];
  /** Accuracy of the latest fix, kept or not: what the GPS can do right now. */
  accuracy: number | null;
  error: 'denied' | 'unavailable' | null;
  /** When the latest fix arrived (page clock, epoch ms), kept or not; null before the first one. */
  lastFixAt: number | null;
}

export async function startRecorder(
  db: PatrolDb,
  round: LocalRound,
  onUpdate: (update: RecorderUpdate) => void,
  afterFlush: () => void,
): Promise<() => Promise<void>> {
  const stored = await db.trackPoints.where('[roundId+at]').between([round.id, -Infinity], [round.id, Infinity]).toArray();
  const points: TrackPoint[] = stored.map(({ at, lat, lng, accuracy, segment, suspect }) => ({ at, lat, lng, accuracy, segment, suspect }));
  const filter = createFixFilter(DEFAULT_FIX_FILTER, points);
  let accuracy: number | null = null;
  let error: RecorderUpdate['error'] = null;
  let lastFixAt: number | null = null;
  let unsent = stored.filter((p) => p.batchId === '').length;
  let writing: Promise<unknown> = Promise.resolve();
  const publish = () => onUpdate({ points, accuracy, error, lastFixAt });

  const flush = () => {
    writing = writing.then(async () => {
      if ((await flushTrack(db, round.id)) > 0) afterFlush();
      unsent = 0;
    });
    return writing;
  };

  const watchId = navigator.geolocation.watchPosition(
    ({ coords }) => {
      // The page's clock, not the fix's timestamp: gaps are about when the app heard nothing.
      lastFixAt = Date.now();
      const decision = filter.offer({ at: lastFixAt, lat: coords.latitude, lng: coords.longitude, accuracy: coords.accuracy });
      accuracy = coords.accuracy;
      error = null;
      if (decision.kind !== 'rejected') {
        points.push(decision.point);
        unsent++;
        writing = writing.then(() => recordPoint(db, round.id, decision.point));
        if (unsent >= FLUSH_POINTS) void flush();
      }
      publish();
    },
    (failure) => {
      error = failure.code === failure.PERMISSION_DENIED ? 'denied' : 'unavailable';
      publish();
    },
    { enableHighAccuracy: true, maximumAge: 0 },
  );
  const timer = setInterval(() => void flush(), FLUSH_INTERVAL_MS);
  const onHide = () => document.visibilityState === 'hidden' && void flush();
  document.addEventListener('visibilitychange', onHide);
  publish();

  return async () => {
    navigator.geolocation.clearWatch(watchId);
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onHide);
    await writing;
  };
}
