// The basemap to draw: the stored one at once (offline works), refreshed from the server when
// online; with nothing stored, the pulled one, or OSM (the default) if the pull fails.
import { useEffect, useState } from 'preact/hooks';
import type { PatrolDb } from '../../db/db';
import { getMeta } from '../../db/meta';
import type { EndpointConfig } from '../../sync/request';
import { pullBasemap } from '../../sync/pullBasemap';
import { DEFAULT_BASEMAP, type BasemapConfig } from '../../../shared/map/basemap';

export function useBasemap(db: PatrolDb, endpoint: EndpointConfig): BasemapConfig | null {
  const [basemap, setBasemap] = useState<BasemapConfig | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    void (async () => {
      const stored = await getMeta(db, 'mapConfig');
      if (stored) setBasemap(stored);
      try {
        const fresh = await pullBasemap(db, { ...endpoint, timeoutMs: 5000 }, abort.signal);
        if (!abort.signal.aborted) setBasemap((current) => (current && JSON.stringify(current) === JSON.stringify(fresh) ? current : fresh));
      } catch {
        if (!stored && !abort.signal.aborted) setBasemap(DEFAULT_BASEMAP);
      }
    })();
    return () => abort.abort();
  }, [db, endpoint]);
  return basemap;
}
