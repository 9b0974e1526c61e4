import { describe, expect, it } from 'vitest';
import { check } from '@placemarkio/check-geojson';
import { buildGeoJson } from '../../../src/shared/report/geojson';
import { fixtureInput, RANGE } from './fixtureInput';
import { ROUND_IDS } from './weekFixture';

describe('the week as GeoJSON', () => {
  const collection = buildGeoJson(fixtureInput(), RANGE);

  it('is valid RFC 7946 according to a third-party validator', () => {
    expect(() => check(JSON.stringify(collection))).not.toThrow();
  });

  it('holds the week’s hazards as [lng, lat] points', () => {
    const points = collection.features.filter((f) => f.geometry.type === 'Point');
    expect(points).toHaveLength(6);
    expect(points.every((f) => f.geometry.coordinates[0] === 104.0005 || f.geometry.coordinates[0] === 104.0025 || f.geometry.coordinates[0] === 104.0045)).toBe(true);
  });

  it('draws each round as a MultiLineString split at its gaps', () => {
    const r1 = collection.features.find((f) => f.properties.id === ROUND_IDS.r1)!;
    expect(r1.geometry).toEqual({
      type: 'MultiLineString',
      coordinates: [
        [[104.0005, 30.6005], [104.0015, 30.6005]],
        [[104.0025, 30.6005], [104.0025, 30.6008]],
      ],
    });
  });

  it('is refused by the validator when broken, so the check above can fail', () => {
    const broken = { ...collection, features: [{ type: 'Feature', geometry: { type: 'MultiLineString', coordinates: [[[104, 30.6]]] }, properties: {} }] };
    expect(() => check(JSON.stringify(broken))).toThrow();
  });
});
