// The basemap config the endpoint chose, pulled and kept in `meta` (mapConfig), so the map opens
// offline with the same tiles (and the same CRS shift) it had online.
import type { PatrolDb } from '../db/db';
import { setMeta } from '../db/meta';
import type { BasemapConfig } from '../../shared/map/basemap';
import { mapConfigResponseSchema } from '../../shared/protocol/config';
import { request, type EndpointConfig } from './request';

/** Pulls the config and stores it; returns it. Network errors propagate (the caller keeps the stored one). */
export async function pullBasemap(db: PatrolDb, endpoint: EndpointConfig, signal?: AbortSignal): Promise<BasemapConfig> {
  const { map } = await request(endpoint, '/api/v1/config/map', { expect: mapConfigResponseSchema, signal });
  await setMeta(db, 'mapConfig', map);
  return map;
}
