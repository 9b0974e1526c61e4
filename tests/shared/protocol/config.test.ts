// The config answers speak the protocol, so a portal's JSON is never taken for the endpoint's.
import { describe, expect, it } from 'vitest';
import { communityConfigResponseSchema, mapConfigResponseSchema } from '../../../src/shared/protocol/config';
import { DEFAULT_BASEMAP } from '../../../src/shared/map/basemap';
import { PROTOCOL } from '../../../src/shared/protocol/sync';

describe('config answers', () => {
  it('the community zone', () => {
    expect(communityConfigResponseSchema.parse({ protocol: PROTOCOL, timeZone: 'Asia/Shanghai' })).toEqual({ protocol: PROTOCOL, timeZone: 'Asia/Shanghai' });
    expect(communityConfigResponseSchema.safeParse({ timeZone: 'Asia/Shanghai' }).success).toBe(false);
  });

  it('the basemap, its tile URLs checked', () => {
    expect(mapConfigResponseSchema.parse({ protocol: PROTOCOL, map: DEFAULT_BASEMAP }).map).toEqual(DEFAULT_BASEMAP);
    const script = { ...DEFAULT_BASEMAP, tileUrl: 'javascript:alert(1)//{z}' };
    expect(mapConfigResponseSchema.safeParse({ protocol: PROTOCOL, map: script }).success).toBe(false);
    expect(mapConfigResponseSchema.safeParse({ protocol: 'other/1', map: DEFAULT_BASEMAP }).success).toBe(false);
  });
});
