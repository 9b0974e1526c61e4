import { describe, expect, it } from 'vitest';
import { fromDisplay, toDisplay } from '../../../src/shared/map/displayCoords';
import { haversineMetres } from '../../../src/shared/tracks/haversine';

// An independent implementation of the published GCJ-02 obfuscation (the widely circulated
// "eviltransform" formula: Krasovsky 1940 ellipsoid, a = 6378245, ee = 0.00669342162296594323),
// written out here so the library is checked against the formula, not against itself.
function gcj02Reference(lat: number, lng: number): [number, number] {
  const a = 6378245.0;
  const ee = 0.006693421622965943;
  const x = lng - 105.0;
  const y = lat - 35.0;
  let dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  dLat += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  dLat += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  dLat += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  let dLng = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  dLng += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  dLng += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  dLng += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - ee * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((a * (1 - ee)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((a / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lat + dLat, lng + dLng];
}

// WGS-84 points: the patrol area in Chengdu (Jinniu district), central Beijing and Shanghai.
const points: [number, number][] = [
  [30.6960, 104.0520],
  [30.6598, 104.0633],
  [39.9087, 116.3975],
  [31.2304, 121.4737],
];

describe('GCJ-02 at render time', () => {
  it.each(points)('shifts %f, %f as the published formula does', (lat, lng) => {
    const [gLat, gLng] = toDisplay(lat, lng, 'gcj02');
    const [rLat, rLng] = gcj02Reference(lat, lng);
    expect(gLat).toBeCloseTo(rLat, 7);
    expect(gLng).toBeCloseTo(rLng, 7);
  });

  it('moves a Chengdu street by hundreds of metres, as Chinese basemaps draw it', () => {
    const [lat, lng] = points[0]!;
    const [gLat, gLng] = toDisplay(lat, lng, 'gcj02');
    const offset = haversineMetres({ lat, lng }, { lat: gLat, lng: gLng });
    expect(offset).toBeGreaterThan(200);
    expect(offset).toBeLessThan(800);
  });

  it('brings a click on a GCJ-02 map back to WGS-84 within centimetres', () => {
    for (const [lat, lng] of points) {
      const [gLat, gLng] = toDisplay(lat, lng, 'gcj02');
      const [bLat, bLng] = fromDisplay(gLat, gLng, 'gcj02');
      expect(haversineMetres({ lat, lng }, { lat: bLat, lng: bLng })).toBeLessThan(0.5);
    }
  });

  it('leaves WGS-84 providers untouched', () => {
    expect(toDisplay(30.696, 104.052, 'wgs84')).toEqual([30.696, 104.052]);
    expect(fromDisplay(30.696, 104.052, 'wgs84')).toEqual([30.696, 104.052]);
  });
});
