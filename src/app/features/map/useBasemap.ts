// The basemap to draw: the server's when it answers within a moment, else the stored one (offline
// works), refreshed when the server answers; with nothing stored, OSM (the default) if the pull
// fails. Fresh first because the office may have switched providers: the stored config would
// draw the old provider's tiles, which the page's CSP (the server's current one) now blocks.
import { useEffect, useState } from 'preact/hooks';
import type { PatrolDb } from '../../db/db';
import { getMeta } from '../../db/meta';
import type { EndpointConfig } from '../../sync/request';
import { pullBasemap } from '../../sync/pullBasemap';
import { DEFAULT_BASEMAP, type BasemapConfig } from '../../../shared/map/basemap';

/** How long the map waits for the server's config before drawing the stored one. */
const FRESH_WAIT_MS = 1500;

export function useBasemap(db: PatrolDb, endpoint: EndpointConfig): BasemapConfig | null {
  const [basemap, setBasemap] = useState<BasemapConfig | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    void (async () => {
      const stored = await getMeta(db, 'mapConfig');
      const pulled = pullBasemap(db, { ...endpoint, timeoutMs: 5000 }, abort.signal).catch(() => null);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const waited = new Promise<'waited'>((resolve) => (timer = setTimeout(resolve, FRESH_WAIT_MS, 'waited')));
      const quick = await Promise.race([pulled, waited]);
      clearTimeout(timer);
      if (abort.signal.aborted) return;
      if (quick === 'waited' && stored) setBasemap(stored);
      const fresh = quick === 'waited' ? await pulled : quick;
      if (abort.signal.aborted) return;
      if (fresh) setBasemap((current) => (current && JSON.stringify(current) === JSON.stringify(fresh) ? current : fresh));
      else setBasemap((current) => current ?? stored ?? DEFAULT_BASEMAP);
    })();
    return () => abort.abort();
  }, [db, endpoint]);
  return basemap;
}
