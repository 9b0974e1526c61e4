// The hazard form's position: it starts from the round recorder's fix when a round is open and
// that fix is recent and good (chooseFix.ts), and keeps a watch of its own for as long as the
// form is open, taking any better fix. It never gives up silently: after "unavailable" or a
// timeout it asks again with backoff (1 s … 15 s) and says so; a permission denial is shown with
// what to do. No fix is still a normal outcome: the hazard is saved without a position and can
// be placed on a map later.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { roundController } from '../rounds';
import { betterFix, retryDelayMs, roundFix, type ChosenFix } from './chooseFix';

export { GOOD_ENOUGH_M } from './chooseFix';
/** How long one watch may wait for its first answer before it counts as a failure. */
export const WATCH_TIMEOUT_MS = 10_000;

export type GpsState = 'locating' | 'retrying' | 'denied' | 'unsupported';

export interface Gps {
  /** What the watch is doing now; a fix may be held whatever the state. */
  state: GpsState;
  fix: ChosenFix | null;
  retry: () => void;
}

const fromRound = () => roundFix(roundController.get()?.update.points ?? [], Date.now());

export function useGpsFix(): Gps {
  const [fix, setFix] = useState<ChosenFix | null>(fromRound);
  const [state, setState] = useState<GpsState>('locating');
  const [attempt, setAttempt] = useState(0);

  // The round goes on recording while the form is open: its newer fixes count too.
  useEffect(() => roundController.subscribe(() => setFix((held) => betterFix(held, fromRound()))), []);

  useEffect(() => {
    if (!('geolocation' in navigator)) {
      setState('unsupported');
      return;
    }
    let watchId: number | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const stopWatch = () => {
      if (watchId !== null) navigator.geolocation.clearWatch(watchId);
      watchId = null;
    };
    const start = () => {
      // After a failure the words stay "trying again" until a fix arrives: no flicker per attempt.
      if (failures === 0) setState('locating');
      watchId = navigator.geolocation.watchPosition(
        ({ coords, timestamp }) => {
          failures = 0;
          setState('locating');
          const seen: ChosenFix = { lat: coords.latitude, lng: coords.longitude, accuracy: coords.accuracy, at: new Date(timestamp).toISOString(), source: 'gps' };
          setFix((held) => betterFix(held, seen));
        },
        (error) => {
          stopWatch();
          if (error.code === error.PERMISSION_DENIED) return setState('denied');
          failures += 1;
          const delay = retryDelayMs(failures);
          setState('retrying');
          timer = setTimeout(start, delay);
        },
        { enableHighAccuracy: true, maximumAge: 0, timeout: WATCH_TIMEOUT_MS },
      );
    };
    start();
    return () => {
      clearTimeout(timer);
      stopWatch();
    };
  }, [attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, fix, retry };
}
