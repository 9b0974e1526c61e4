// Just enough of a browser for the round recorder under Node: a geolocation whose fixes the test
// emits, and a document that is visible. No wake lock, as on many phones.
import { vi } from 'vitest';

interface Coords {
  latitude: number;
  longitude: number;
  accuracy: number;
}

export function fakeGeolocation() {
  const watchers = new Map<number, (position: { coords: Coords }) => void>();
  let next = 1;
  return {
    api: {
      watchPosition(onFix: (position: { coords: Coords }) => void): number {
        watchers.set(next, onFix);
        return next++;
      },
      clearWatch(id: number): void {
        watchers.delete(id);
      },
    },
    emit(coords: Coords): void {
      for (const onFix of watchers.values()) onFix({ coords });
    },
    watching: () => watchers.size,
  };
}

export function installFakeBrowser(): ReturnType<typeof fakeGeolocation> {
  const gps = fakeGeolocation();
  vi.stubGlobal('navigator', { geolocation: gps.api });
  vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
  return gps;
}
