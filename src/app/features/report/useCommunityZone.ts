// The community's time zone, as the endpoint counts weeks (COMMUNITY_TZ): the phone's own zone
// is never used, so the phone's figures equal the endpoint's. The last one pulled is kept in
// Dexie `meta`, so the report works offline; Asia/Shanghai until one has been pulled.
import { useEffect, useState } from 'preact/hooks';
import * as z from 'zod/mini';
import type { PatrolDb } from '../../db/db';
import { requestJson, type EndpointConfig } from '../../sync/requestJson';
import { DEFAULT_COMMUNITY_TZ, isTimeZone } from '../../../shared/report/isoWeek';
import { PROTOCOL } from '../../../shared/protocol/sync';

const KEY = 'communityTimeZone';
const responseSchema = z.object({ protocol: z.literal(PROTOCOL), timeZone: z.string() });

export { isTimeZone };

export async function storedZone(db: PatrolDb): Promise<string | null> {
  const value = (await db.meta.get(KEY))?.value;
  return isTimeZone(value) ? value : null;
}

/** Pulls the zone and keeps it; network errors propagate (the caller keeps what it has). */
export async function pullZone(db: PatrolDb, endpoint: EndpointConfig, signal?: AbortSignal): Promise<string> {
  const { timeZone } = await requestJson(endpoint, '/api/v1/config/community', responseSchema, { method: 'GET', signal });
  if (!isTimeZone(timeZone)) throw new Error(`the endpoint sent an unknown time zone ${JSON.stringify(timeZone)}`);
  await db.meta.put({ key: KEY, value: timeZone });
  return timeZone;
}

/** The zone to count weeks in: null while the stored one is being read. */
export function useCommunityZone(db: PatrolDb, endpoint: EndpointConfig): string | null {
  const [zone, setZone] = useState<string | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    void (async () => {
      setZone((await storedZone(db)) ?? DEFAULT_COMMUNITY_TZ);
      try {
        const fresh = await pullZone(db, { ...endpoint, timeoutMs: 5000 }, abort.signal);
        if (!abort.signal.aborted) setZone(fresh);
      } catch {
        // Offline or an older endpoint: the stored zone (or the default) stands.
      }
    })();
    return () => abort.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db]);
  return zone;
}
