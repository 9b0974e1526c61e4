// Phone GPS behaviours the E2E tests put into a page with addInitScript (so they run in the page,
// before the app: no closures over test variables).

/**
 * The phone's GPS serves one watch at a time: a second concurrent watch fails with
 * POSITION_UNAVAILABLE while the round recorder holds the first, which is the real one.
 */
export const SECOND_WATCH_FAILS = () => {
  const real = navigator.geolocation.watchPosition.bind(navigator.geolocation);
  const clear = navigator.geolocation.clearWatch.bind(navigator.geolocation);
  const active = new Set<number>();
  navigator.geolocation.watchPosition = (ok, fail, options) => {
    if (active.size > 0) {
      setTimeout(() => fail?.({ code: 2, message: 'busy', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 } as GeolocationPositionError), 50);
      return -1;
    }
    const id = real(ok, fail, options);
    active.add(id);
    return id;
  };
  navigator.geolocation.clearWatch = (id) => {
    active.delete(id);
    clear(id);
  };
};
