// Photo upload progress for the sync status ("Uploading photos 3/7, 1.2 MB"): a tiny observable
// beside the scheduler's status, so the panel re-renders as each photo lands.
export interface UploadProgress {
  done: number;
  total: number;
  /** Bytes of the photos uploaded so far in this run. */
  bytesDone: number;
  bytesTotal: number;
}

type Listener = (progress: UploadProgress | null) => void;
let current: UploadProgress | null = null;
const listeners = new Set<Listener>();

export const uploadProgress = {
  get: () => current,
  set(next: UploadProgress | null) {
    current = next;
    for (const listener of listeners) listener(current);
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
