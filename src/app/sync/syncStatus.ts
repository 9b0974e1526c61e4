// The sync engine's state for the UI: a tiny observable, so views re-render on change.
import type { ServerCode, SyncErrorCode } from './SyncError';

export interface SyncStatus {
  running: boolean;
  lastError: { code: SyncErrorCode; serverCode: ServerCode; detail: string; at: number } | null;
  /** When the next automatic attempt is due after a failure. */
  nextRetryAt: number | null;
  /** First failure of the current unbroken run of failures ("unreachable since"). */
  failingSince: number | null;
}

type Listener = (status: SyncStatus) => void;

export function createStatusStore(initial: SyncStatus) {
  let status = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => status,
    set(patch: Partial<SyncStatus>) {
      status = { ...status, ...patch };
      for (const listener of listeners) listener(status);
    },
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type StatusStore = ReturnType<typeof createStatusStore>;
