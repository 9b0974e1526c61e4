// The form's choice of position: the round's recent good fix first, then whatever is better.
import { describe, expect, it } from 'vitest';
import { betterFix, retryDelayMs, roundFix, type ChosenFix } from '../../../src/app/features/capture/chooseFix';

const NOW = Date.parse('2026-11-28T10:00:00.000Z');
const point = (secondsAgo: number, accuracy: number) => ({ at: NOW - secondsAgo * 1000, lat: 30.655, lng: 104.104, accuracy });
const gps = (accuracy: number, at = '2026-11-28T10:00:05.000Z'): ChosenFix => ({ lat: 30.656, lng: 104.105, accuracy, at, source: 'gps' });

describe('roundFix', () => {
  it('takes the last kept point when at most 30 s old and at most 30 m', () => {
    expect(roundFix([point(90, 5), point(3, 8)], NOW)).toEqual({ lat: 30.655, lng: 104.104, accuracy: 8, at: '2026-11-28T09:59:57.000Z', source: 'round' });
    expect(roundFix([point(30, 30)], NOW)).toMatchObject({ accuracy: 30 });
  });

  it('ignores a stale, a poor or a missing fix', () => {
    expect(roundFix([point(31, 8)], NOW)).toBeNull();
    expect(roundFix([point(5, 5), point(2, 31)], NOW)).toBeNull();
    expect(roundFix([], NOW)).toBeNull();
  });

  it('ignores a point far in the future (a clock set back since it was kept)', () => {
    expect(roundFix([point(-120, 5)], NOW)).toBeNull();
  });
});

describe('betterFix', () => {
  const round = roundFix([point(3, 8)], NOW);

  it('keeps the round fix against a worse first answer of the form’s own watch', () => {
    expect(betterFix(round, gps(40))).toBe(round);
  });

  it('replaces it by a better (or as good and newer) one', () => {
    expect(betterFix(round, gps(5))).toMatchObject({ accuracy: 5, source: 'gps' });
    expect(betterFix(round, gps(8))).toMatchObject({ source: 'gps' });
  });

  it('takes any fix over none, and keeps what it holds when nothing new came', () => {
    expect(betterFix(null, gps(60))).toMatchObject({ accuracy: 60 });
    expect(betterFix(round, null)).toBe(round);
    expect(betterFix(null, null)).toBeNull();
  });
});

describe('retryDelayMs', () => {
  it('backs off 1, 2, 4, 8 s, then retries every 15 s without ever giving up', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000, 15000, 15000, 15000]);
  });
});
