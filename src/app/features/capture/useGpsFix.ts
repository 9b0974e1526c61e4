// One position for a hazard: watch until the accuracy is ≤ 30 m or 10 s have passed, keeping the
// best fix seen. No fix is a normal outcome: the hazard is saved without a position.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Position } from '../../../shared/domain/schemas';

export const GOOD_ENOUGH_M = 30;
export const WATCH_LIMIT_MS = 10_000;

export type GpsState = 'locating' | 'done' | 'denied' | 'unsupported';

export function useGpsFix(): { state: GpsState; fix: Position | null; retry: () => void } {
  const [state, setState] = useState<GpsState>('locating');
  const [fix, setFix] = useState<Position | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!('geolocation' in navigator)) {
      setState('unsupported');
      return;
    }
    setState('locating');
    let best: Position | null = null;
    let watchId = -1;
    const finish = (final: GpsState) => {
      navigator.geolocation.clearWatch(watchId);
      clearTimeout(timer);
      setState(final);
    };
    const timer = setTimeout(() => finish('done'), WATCH_LIMIT_MS);
    watchId = navigator.geolocation.watchPosition(
      ({ coords, timestamp }) => {
        if (best && coords.accuracy >= best.accuracy) return;
        best = {
          lat: coords.latitude,
          lng: coords.longitude,
          accuracy: coords.accuracy,
          at: new Date(timestamp).toISOString(),
        };
        setFix(best);
        if (coords.accuracy <= GOOD_ENOUGH_M) finish('done');
      },
      (error) => finish(error.code === error.PERMISSION_DENIED ? 'denied' : 'done'),
      { enableHighAccuracy: true, maximumAge: 0, timeout: WATCH_LIMIT_MS },
    );
    return () => finish('done');
  }, [attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, fix, retry };
}
