import { describe, expect, it } from 'vitest';
import { formatIsoWeek, isoWeekOf, lastCompleteWeek, parseIsoWeek, weekRange, weeksInIsoYear } from '../../../src/shared/report/isoWeek';

const ZONE = 'Asia/Shanghai';
const utc = (iso: string) => Date.parse(iso);

describe('ISO weeks in the community time zone', () => {
  it('parses and formats YYYY-Www, refusing malformed and non-existent weeks', () => {
    expect(parseIsoWeek('2026-W47', ZONE)).toEqual({ year: 2026, week: 47 });
    expect(formatIsoWeek({ year: 2026, week: 7 })).toBe('2026-W07');
    for (const bad of ['2026-W7', '2026W47', '2026-w47', '2026-W00', '2026-W54', '2025-W53', ' 2026-W47', '2026-W47x', '']) {
      expect(parseIsoWeek(bad, ZONE), bad).toBeNull();
    }
  });

  it('knows which ISO years have 53 weeks', () => {
    const long = [];
    for (let year = 2015; year <= 2033; year++) if (weeksInIsoYear(year, ZONE) === 53) long.push(year);
    expect(long).toEqual([2015, 2020, 2026, 2032]);
    expect(parseIsoWeek('2026-W53', ZONE)).toEqual({ year: 2026, week: 53 });
  });

  it('starts a week at Monday 00:00 in Chengdu, not in UTC', () => {
    const range = weekRange({ year: 2026, week: 47 }, ZONE);
    expect(new Date(range.from).toISOString()).toBe('2026-11-15T16:00:00.000Z');
    expect(new Date(range.to).toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(range.days).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22']);
    // Sunday 17:00 UTC is Monday 01:00 in Chengdu: the next week there.
    expect(isoWeekOf(utc('2026-11-22T17:00:00Z'), ZONE)).toEqual({ year: 2026, week: 48 });
    expect(isoWeekOf(utc('2026-11-22T17:00:00Z'), 'UTC')).toEqual({ year: 2026, week: 47 });
  });

  it('handles the new-year edges: Dec 31 and Jan 1 belong to the ISO year of their Thursday', () => {
    // 2026-12-31 (Thu) and 2027-01-01 (Fri) are both in 2026-W53; 2027-01-04 (Mon) opens 2027-W01.
    expect(isoWeekOf(utc('2026-12-31T12:00:00+08:00'), ZONE)).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf(utc('2027-01-01T00:30:00+08:00'), ZONE)).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf(utc('2027-01-03T23:59:00+08:00'), ZONE)).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf(utc('2027-01-04T00:00:00+08:00'), ZONE)).toEqual({ year: 2027, week: 1 });
    // 2024-12-31 (Tue) already belongs to 2025-W01; 2021-01-01 (Fri) still to 2020-W53.
    expect(isoWeekOf(utc('2024-12-31T12:00:00+08:00'), ZONE)).toEqual({ year: 2025, week: 1 });
    expect(isoWeekOf(utc('2021-01-01T12:00:00+08:00'), ZONE)).toEqual({ year: 2020, week: 53 });
    expect(weekRange({ year: 2026, week: 53 }, ZONE).days).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(weekRange({ year: 2026, week: 1 }, ZONE).days[0]).toBe('2025-12-29');
  });

  it('defaults to the last complete week', () => {
    // Friday 27 Nov 2026 → W47 (W48 is not over yet).
    expect(lastCompleteWeek(utc('2026-11-27T08:00:00Z'), ZONE)).toEqual({ year: 2026, week: 47 });
    // Monday 00:30 in Chengdu: the week that just ended.
    expect(lastCompleteWeek(utc('2026-11-22T16:30:00Z'), ZONE)).toEqual({ year: 2026, week: 47 });
    // Sunday 23:30 in Chengdu: that week is not complete yet.
    expect(lastCompleteWeek(utc('2026-11-22T15:30:00Z'), ZONE)).toEqual({ year: 2026, week: 46 });
    // Across the new year: Monday 4 Jan 2027 → 2026-W53.
    expect(lastCompleteWeek(utc('2027-01-04T09:00:00+08:00'), ZONE)).toEqual({ year: 2026, week: 53 });
  });

  it('keeps whole local days in a zone with daylight saving (Berlin, week of 29 March 2026)', () => {
    const range = weekRange({ year: 2026, week: 13 }, 'Europe/Berlin');
    expect(new Date(range.from).toISOString()).toBe('2026-03-22T23:00:00.000Z');
    expect(new Date(range.to).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(range.days).toEqual(['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29']);
    expect(isoWeekOf(utc('2026-03-29T21:59:00Z'), 'Europe/Berlin')).toEqual({ year: 2026, week: 13 });
    expect(isoWeekOf(utc('2026-03-29T22:00:00Z'), 'Europe/Berlin')).toEqual({ year: 2026, week: 14 });
  });
});
