// Whether a form holds unsaved input. The update prompt reads it so a new version never
// reloads the page over a half-written hazard.
type Listener = (dirty: boolean) => void;

let dirty = false;
const listeners = new Set<Listener>();

export const formGuard = {
  isDirty: () => dirty,
  setDirty(value: boolean) {
    if (value === dirty) return;
    dirty = value;
    for (const listener of listeners) listener(dirty);
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
