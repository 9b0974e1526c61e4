// In-page timestamps, installed before the app's scripts run on every load. Timing inside the
// page (performance.now(), 0 = navigation start) keeps CDP polling, which is slow under CPU
// throttling, out of the figures.
export interface BenchProbe {
  /** When a "New hazard" button was first in the DOM and enabled. */
  newHazardAt: number | null;
  /** The sync status read "N waiting" at least once in this load. */
  sawWaiting: boolean;
  /** When the sync status first read "All synced" after "waiting". */
  syncedAt: number | null;
}

declare global {
  interface Window {
    __bench?: BenchProbe;
  }
}

// Plain JS text, not a serialized function: tsx wraps named functions in __name(), which the
// page does not have. The __name shim makes page.evaluate callbacks with inner functions work.
export const PROBE_SCRIPT = `
globalThis.__name = globalThis.__name || ((fn) => fn);
(() => {
  const probe = { newHazardAt: null, sawWaiting: false, syncedAt: null };
  window.__bench = probe;
  const check = () => {
    if (probe.newHazardAt === null) {
      for (const button of document.querySelectorAll('button')) {
        if (button.textContent.trim() === 'New hazard' && !button.disabled) {
          probe.newHazardAt = performance.now();
          break;
        }
      }
    }
    const status = document.querySelector('[role=status]');
    const text = status ? status.textContent : '';
    if (text.includes('waiting')) probe.sawWaiting = true;
    else if (probe.sawWaiting && probe.syncedAt === null && text.includes('All synced')) probe.syncedAt = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();
`;
