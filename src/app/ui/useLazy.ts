// Loads a screen's code on first use. The capture path (home + New hazard) must stay small, so
// the form, settings, enrollment and the sync engine arrive as their own chunks.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function useLazy<P>(load: () => Promise<ComponentType<P>>, enabled = true): ComponentType<P> | null {
  const [component, setComponent] = useState<ComponentType<P> | null>(null);
  useEffect(() => {
    if (!enabled || component) return;
    let live = true;
    void load().then((loaded) => live && setComponent(() => loaded));
    return () => void (live = false);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `load` is a module-level loader; once loaded, the component stays
  }, [enabled]);
  return component;
}
