// The community's time zone, as the endpoint counts weeks (COMMUNITY_TZ): the phone's own zone
// is never used, so the phone's figures equal the endpoint's. The last one pulled is kept in
// Dexie `meta`, so the report works offline; Asia/Shanghai until one has been pulled.
import { useEffect, useState } from 'preact/hooks';
import type { PatrolDb } from '../../db/db';
import { getMeta } from '../../db/meta';
import type { EndpointConfig } from '../../sync/request';
import { pullCommunityZone } from '../../sync/pullCommunityZone';
import { DEFAULT_COMMUNITY_TZ } from '../../../shared/report/isoWeek';

/** The zone to count weeks in: null while the stored one is being read. */
export function useCommunityZone(db: PatrolDb, endpoint: EndpointConfig): string | null {
  const [zone, setZone] = useState<string | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    void (async () => {
      setZone((await getMeta(db, 'communityTimeZone')) ?? DEFAULT_COMMUNITY_TZ);
      try {
        const fresh = await pullCommunityZone(db, { ...endpoint, timeoutMs: 5000 }, abort.signal);
        if (!abort.signal.aborted) setZone(fresh);
      } catch {
        // Offline or an older endpoint: the stored zone (or the default) stands.
      }
    })();
    return () => abort.abort();
  }, [db, endpoint]);
  return zone;
}
