// The round being recorded on this phone. It lives outside any screen, so tracking goes on
// while the member logs a hazard or opens settings. Screens subscribe to its state.
import type { LocalRound, PatrolDb } from '../../db/db';
import type { RecorderUpdate } from './trackRecorder';
import { holdWakeLock, type WakeLockState } from './wakeLock';

export interface ActiveRound {
  round: LocalRound;
  update: RecorderUpdate;
  wakeLock: WakeLockState;
}

type Listener = (active: ActiveRound | null) => void;

let active: ActiveRound | null = null;
let stopRecording: (() => Promise<void>) | null = null;
let starting: string | null = null;
let releaseWakeLock: (() => void) | null = null;
const listeners = new Set<Listener>();

function set(next: ActiveRound | null): void {
  active = next;
  for (const listener of listeners) listener(active);
}

export const roundController = {
  get: () => active,
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Starts (or resumes) recording a round that is already stored. */
  async record(db: PatrolDb, round: LocalRound, afterFlush: () => void): Promise<void> {
    // Taken before the first await, so a second call for the same round (a tap on Resume while
    // the app resumes it by itself) is a no-op instead of a second GPS watch.
    if (active?.round.id === round.id || starting === round.id) return;
    starting = round.id;
    await roundController.stop();
    set({ round, update: { points: [], accuracy: null, error: null, lastFixAt: null }, wakeLock: 'released' });
    releaseWakeLock = holdWakeLock((wakeLock) => active && set({ ...active, wakeLock }));
    // Loaded on first use: the recorder and the schemas it writes with stay off the capture path.
    const { startRecorder } = await import('./trackRecorder');
    try {
      stopRecording = await startRecorder(db, round, (update) => active && set({ ...active, update }), afterFlush);
    } finally {
      starting = null;
    }
  },
  async stop(): Promise<void> {
    releaseWakeLock?.();
    releaseWakeLock = null;
    const stopping = stopRecording;
    stopRecording = null;
    await stopping?.();
    set(null);
  },
};
