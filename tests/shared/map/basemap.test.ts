import { describe, expect, it } from 'vitest';
import { basemapConfigSchema, DEFAULT_BASEMAP, tileOrigins } from '../../../src/shared/map/basemap';

describe('basemap config', () => {
  it('defaults to OSM with attribution and no prefetch', () => {
    expect(basemapConfigSchema.parse(DEFAULT_BASEMAP)).toEqual(DEFAULT_BASEMAP);
    expect(DEFAULT_BASEMAP.attribution).toContain('OpenStreetMap');
    expect(DEFAULT_BASEMAP.allowPrefetch).toBe(false);
  });

  it('refuses a template that is not https or same-origin, or lacks {z}', () => {
    for (const tileUrl of ['http://tiles.example.org/{z}/{x}/{y}.png', 'javascript:alert(1)//{z}', 'https://tiles.example.org/x.png', '//evil/{z}']) {
      expect(basemapConfigSchema.safeParse({ ...DEFAULT_BASEMAP, tileUrl }).success, tileUrl).toBe(false);
    }
    expect(basemapConfigSchema.safeParse({ ...DEFAULT_BASEMAP, tileUrl: '/tiles/{z}/{x}/{y}.png' }).success).toBe(true);
  });

  it('lists the https origins of a template, with {s} expanded', () => {
    expect(tileOrigins({ tileUrl: 'https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}', labelUrl: null, subdomains: '12' })).toEqual([
      'https://webrd01.is.autonavi.com',
      'https://webrd02.is.autonavi.com',
    ]);
    expect(tileOrigins({ tileUrl: '/tiles/{z}/{x}/{y}.png', labelUrl: null, subdomains: '' })).toEqual([]);
  });
});
