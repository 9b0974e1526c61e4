import { describe, expect, it } from 'vitest';
import { basemapConfigSchema, DEFAULT_BASEMAP, tileOrigins } from '../../../src/shared/map/basemap';
import { areaTileUrls } from '../../../src/shared/map/areaTiles';

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

describe('patrol-area tiles', () => {
  const area = { south: 30.685, west: 104.05, north: 30.7, east: 104.07 };
  const custom = { ...DEFAULT_BASEMAP, provider: 'custom' as const, tileUrl: '/tiles/{z}/{x}/{y}.png', allowPrefetch: true };

  it('lists nothing for a provider that does not permit prefetch (OSM by default)', () => {
    expect(areaTileUrls(DEFAULT_BASEMAP, area, [15, 16])).toEqual([]);
  });

  it('covers the area: known XYZ of Chengdu at zoom 15, four times as many tiles a zoom deeper', () => {
    const z15 = areaTileUrls(custom, area, [15]);
    // lng 104.05 → x = floor((284.05/360)·2^15) = 25854; lat 30.7 → y = floor((1 − ln(tan φ + sec φ)/π)/2 · 2^15) = 13445.
    expect(z15[0]).toBe('/tiles/15/25854/13445.png');
    const z16 = areaTileUrls(custom, area, [16]);
    expect(z16.length / z15.length).toBeGreaterThan(2.5);
    expect(areaTileUrls(custom, area, [15, 16, 17, 18], 100)).toHaveLength(100);
  });
});
