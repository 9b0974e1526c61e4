// The basemap config the server chose, kept in Dexie `meta` so the map opens offline with the
// same tiles (and the same CRS shift) it had online. Read back through the schema: a row from an
// older app version that no longer parses falls back to the default instead of breaking the map.
import type { PatrolDb } from '../../db/db';
import type { EndpointConfig } from '../../sync/requestJson';
import { requestJson } from '../../sync/requestJson';
import * as z from 'zod/mini';
import { basemapConfigSchema, DEFAULT_BASEMAP, type BasemapConfig } from '../../../shared/map/basemap';
import { PROTOCOL } from '../../../shared/protocol/sync';

const KEY = 'mapConfig';
const responseSchema = z.object({ protocol: z.literal(PROTOCOL), map: basemapConfigSchema });

/** The last pulled config, or null when none was pulled (or it no longer parses). */
export async function storedBasemap(db: PatrolDb): Promise<BasemapConfig | null> {
  const row = await db.meta.get(KEY);
  const parsed = basemapConfigSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

export { DEFAULT_BASEMAP };

/** Pulls the config and stores it; returns it. Network errors propagate (the caller keeps the stored one). */
export async function pullBasemap(db: PatrolDb, endpoint: EndpointConfig, signal?: AbortSignal): Promise<BasemapConfig> {
  const { map } = await requestJson(endpoint, '/api/v1/config/map', responseSchema, { method: 'GET', signal });
  await db.meta.put({ key: KEY, value: map });
  return map;
}
