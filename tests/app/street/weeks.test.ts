// The dashboard's week switcher counts ISO weeks on the street's wall clock.
import { describe, expect, it } from 'vitest';
import { currentWeek, shiftWeek, weekDays } from '../../../src/app/features/street/weeks';

describe('street weeks', () => {
  it('steps a week back and forth, across years with 52 and 53 weeks', () => {
    expect(shiftWeek('2026-W10', 1, 'Asia/Shanghai')).toBe('2026-W11');
    expect(shiftWeek('2026-W10', -1, 'Asia/Shanghai')).toBe('2026-W09');
    expect(shiftWeek('2026-W53', 1, 'Asia/Shanghai')).toBe('2027-W01');
    expect(shiftWeek('2027-W01', -1, 'Asia/Shanghai')).toBe('2026-W53');
    expect(shiftWeek('2025-W52', 1, 'Asia/Shanghai')).toBe('2026-W01');
    // Across a DST change (Europe/Berlin, 29 March 2026) the week still steps by one.
    expect(shiftWeek('2026-W13', 1, 'Europe/Berlin')).toBe('2026-W14');
    expect(shiftWeek('2026-W14', -1, 'Europe/Berlin')).toBe('2026-W13');
    expect(shiftWeek('2025-W53', 1, 'Asia/Shanghai')).toBeNull();
  });

  it('knows the week in progress on the zone’s clock, not UTC', () => {
    // Monday 2026-03-09 01:00 in Shanghai is still Sunday in UTC.
    const mondayEarly = Date.parse('2026-03-08T17:00:00Z');
    expect(currentWeek(mondayEarly, 'Asia/Shanghai')).toBe('2026-W11');
    expect(currentWeek(mondayEarly, 'UTC')).toBe('2026-W10');
  });

  it('names a week’s first and last day', () => {
    expect(weekDays('2026-W11', 'Asia/Shanghai')).toEqual({ from: '2026-03-09', to: '2026-03-15' });
    expect(weekDays('nonsense', 'Asia/Shanghai')).toBeNull();
  });
});
