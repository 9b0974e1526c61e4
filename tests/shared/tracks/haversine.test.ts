import { describe, expect, it } from 'vitest';
import { haversineMetres } from '../../../src/shared/tracks/haversine';
import { offset } from './offset';

describe('haversineMetres', () => {
  it('is zero for the same point and symmetric', () => {
    const a = { lat: 30.655, lng: 104.104 };
    const b = { lat: 30.66, lng: 104.11 };
    expect(haversineMetres(a, a)).toBe(0);
    expect(haversineMetres(a, b)).toBeCloseTo(haversineMetres(b, a), 9);
  });

  it('measures a degree of latitude as about 111.2 km', () => {
    expect(haversineMetres({ lat: 30, lng: 104 }, { lat: 31, lng: 104 })).toBeCloseTo(111_195, -1);
  });

  it('matches a known city pair: Chengdu to Chongqing, about 268 km as the crow flies', () => {
    const chengdu = { lat: 30.6586, lng: 104.0648 };
    const chongqing = { lat: 29.563, lng: 106.5516 };
    expect(haversineMetres(chengdu, chongqing) / 1000).toBeGreaterThan(260);
    expect(haversineMetres(chengdu, chongqing) / 1000).toBeLessThan(275);
  });

  it('agrees with the local projection at walking scale', () => {
    const a = { lat: 30.655, lng: 104.104 };
    expect(haversineMetres(a, offset(a, 30, 40))).toBeCloseTo(50, 1);
  });
});
