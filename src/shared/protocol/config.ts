// GET /api/v1/config/*: what the endpoint is configured with that every phone must follow,
// pulled once online and kept for offline use.
import * as z from 'zod/mini';
import { basemapConfigSchema } from '../map/basemap';
import { placeSchema, PROTOCOL } from './sync';

/** /config/community: the IANA zone the community counts its weeks in, and where the caller belongs (servers before streets send no place). */
export const communityConfigResponseSchema = z.object({ protocol: z.literal(PROTOCOL), timeZone: z.string(), place: z.optional(placeSchema) });
export type CommunityConfigResponse = z.infer<typeof communityConfigResponseSchema>;

/** /config/map: the basemap leads' maps draw (MAP_PROVIDER…). */
export const mapConfigResponseSchema = z.object({ protocol: z.literal(PROTOCOL), map: basemapConfigSchema });
export type MapConfigResponse = z.infer<typeof mapConfigResponseSchema>;
