// The basemap to draw: the stored one at once (offline works), refreshed from the server when
// online; with nothing stored, the pulled one, or OSM (the default) if the pull fails.
import { useEffect, useState } from 'preact/hooks';
import type { PatrolDb } from '../../db/db';
import type { EndpointConfig } from '../../sync/requestJson';
import type { BasemapConfig } from '../../../shared/map/basemap';
import { DEFAULT_BASEMAP, pullBasemap, storedBasemap } from './basemapStore';

export function useBasemap(db: PatrolDb, endpoint: EndpointConfig): BasemapConfig | null {
  const [basemap, setBasemap] = useState<BasemapConfig | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    void (async () => {
      const stored = await storedBasemap(db);
      if (stored) setBasemap(stored);
      try {
        const fresh = await pullBasemap(db, { ...endpoint, timeoutMs: 5000 }, abort.signal);
        if (!abort.signal.aborted) setBasemap((current) => (current && JSON.stringify(current) === JSON.stringify(fresh) ? current : fresh));
      } catch {
        if (!stored && !abort.signal.aborted) setBasemap(DEFAULT_BASEMAP);
      }
    })();
    return () => abort.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db]);
  return basemap;
}
