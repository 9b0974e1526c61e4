// When to sync: on start, on `online`, when the page becomes visible, every 60 s while visible,
// shortly after each save, and on "Sync now". Failures back off with full jitter. We never trust
// navigator.onLine to skip an attempt: only a request's result tells.
import { backoffDelay } from './backoff';
import { SyncError } from './SyncError';
import { createStatusStore, type StatusStore } from './syncStatus';

export const VISIBLE_INTERVAL_MS = 60_000;
export const AFTER_SAVE_DEBOUNCE_MS = 1_500;

export interface Scheduler {
  status: StatusStore;
  /** Sync as soon as possible; a call during a run queues exactly one more run. */
  syncNow(): Promise<void>;
  /** Debounced sync after a local write. */
  afterSave(): void;
  start(): () => void;
}

export function createScheduler(run: (signal: AbortSignal) => Promise<unknown>, random = Math.random): Scheduler {
  const status = createStatusStore({ running: false, lastError: null, nextRetryAt: null, failingSince: null });
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<void> | null = null;
  let again = false;
  // Replaced on every start(), so a scheduler stopped (e.g. at re-enrollment) can start again.
  let stopper = new AbortController();

  async function runLoop(): Promise<void> {
    do {
      again = false;
      clearTimeout(retryTimer);
      status.set({ running: true, nextRetryAt: null });
      try {
        await run(stopper.signal);
        failures = 0;
        status.set({ running: false, lastError: null, failingSince: null });
      } catch (error) {
        if (stopper.signal.aborted) return;
        failures++;
        const delay = backoffDelay(failures, random);
        const code = error instanceof SyncError ? error.code : 'server';
        const serverCode = error instanceof SyncError ? error.serverCode : null;
        const detail = error instanceof Error ? error.message : String(error);
        const now = Date.now();
        status.set({
          running: false,
          lastError: { code, serverCode, detail, at: now },
          nextRetryAt: now + delay,
          failingSince: status.get().failingSince ?? now,
        });
        retryTimer = setTimeout(() => void syncNow(), delay);
      }
    } while (again);
  }

  function syncNow(): Promise<void> {
    if (current) {
      again = true;
      return current;
    }
    current = runLoop().finally(() => (current = null));
    return current;
  }

  function afterSave(): void {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void syncNow(), AFTER_SAVE_DEBOUNCE_MS);
  }

  function start(): () => void {
    stopper = new AbortController();
    failures = 0;
    const onOnline = () => {
      failures = 0;
      void syncNow();
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') void syncNow();
    };
    const tick = setInterval(() => {
      if (document.visibilityState === 'visible' && !status.get().nextRetryAt) void syncNow();
    }, VISIBLE_INTERVAL_MS);
    window.addEventListener('online', onOnline);
    document.addEventListener('visibilitychange', onVisible);
    void syncNow();
    return () => {
      stopper.abort();
      clearInterval(tick);
      clearTimeout(retryTimer);
      clearTimeout(saveTimer);
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }

  return { status, syncNow, afterSave, start };
}
