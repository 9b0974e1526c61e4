// GET /api/v1/config/*: what the endpoint is configured with that every phone must follow,
// pulled once online and kept for offline use.
import * as z from 'zod/mini';
import { basemapConfigSchema } from '../map/basemap';
import { PROTOCOL } from './sync';

/** /config/community: the IANA zone the community counts its weeks in (COMMUNITY_TZ). */
export const communityConfigResponseSchema = z.object({ protocol: z.literal(PROTOCOL), timeZone: z.string() });
export type CommunityConfigResponse = z.infer<typeof communityConfigResponseSchema>;

/** /config/map: the basemap leads' maps draw (MAP_PROVIDER…). */
export const mapConfigResponseSchema = z.object({ protocol: z.literal(PROTOCOL), map: basemapConfigSchema });
export type MapConfigResponse = z.infer<typeof mapConfigResponseSchema>;
