// The community's time zone, as the endpoint counts weeks (COMMUNITY_TZ), pulled and kept in
// `meta` (communityTimeZone) so the report counts the same weeks offline. The same answer names
// where the member belongs (`place`), which goes into the stored session.
import type { PatrolDb } from '../db/db';
import { setMeta } from '../db/meta';
import { keepSessionPlace } from '../db/sessionPlace';
import { isTimeZone } from '../../shared/report/timeZone';
import { communityConfigResponseSchema } from '../../shared/protocol/config';
import { request, type EndpointConfig } from './request';

/** Pulls the zone and keeps it (and the place); network errors propagate (the caller keeps what it has). */
export async function pullCommunityZone(db: PatrolDb, endpoint: EndpointConfig, signal?: AbortSignal): Promise<string> {
  const { timeZone, place } = await request(endpoint, '/api/v1/config/community', { expect: communityConfigResponseSchema, signal });
  if (!isTimeZone(timeZone)) throw new Error(`the endpoint sent an unknown time zone ${JSON.stringify(timeZone)}`);
  await setMeta(db, 'communityTimeZone', timeZone);
  // An endpoint from before streets names no place: the stored one (or none) stands.
  if (place && endpoint.token !== undefined) await keepSessionPlace(db, endpoint.token, place);
  return timeZone;
}
