// Keeps the screen on during a round (Screen Wake Lock API), taking the lock again whenever the
// page becomes visible: the browser drops it on every hide. Without the API, the round screen
// says so, because a screen that sleeps means gaps in the track.
export type WakeLockState = 'held' | 'released' | 'unsupported';

export function holdWakeLock(onChange: (state: WakeLockState) => void): () => void {
  const api = (navigator as Navigator & { wakeLock?: WakeLock }).wakeLock;
  if (!api) {
    onChange('unsupported');
    return () => undefined;
  }
  let sentinel: WakeLockSentinel | null = null;
  let stopped = false;
  const acquire = async () => {
    if (stopped || document.visibilityState !== 'visible') return;
    try {
      sentinel = await api.request('screen');
      onChange('held');
      sentinel.addEventListener('release', () => !stopped && onChange('released'));
    } catch {
      onChange('released');
    }
  };
  const onVisibility = () => void acquire();
  document.addEventListener('visibilitychange', onVisibility);
  void acquire();
  return () => {
    stopped = true;
    document.removeEventListener('visibilitychange', onVisibility);
    void sentinel?.release();
  };
}
