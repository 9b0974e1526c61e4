// ISO weeks (Monday–Sunday, "2026-W47") in the community's time zone. The week a hazard falls
// in is decided by the wall clock in Chengdu, not by UTC or the viewer's phone: a hazard logged
// at 01:00 on Monday in Asia/Shanghai belongs to the new week although it is still Sunday in UTC.
// How: the zone's calendar date of an instant comes from Intl (offset per hour, cached); date-fns
// does the ISO-week arithmetic on that calendar date, held as noon on the device's clock (noon
// stays clear of any device DST change), and the result goes back to an instant via the offset.
// No @date-fns/tz: the phone pays for every KB, and this needs only the offset.
import { addDays, addWeeks, getISOWeek, getISOWeekYear, getISOWeeksInYear, startOfISOWeek } from 'date-fns';

export const DEFAULT_COMMUNITY_TZ = 'Asia/Shanghai';

export { isTimeZone } from './timeZone';

export interface IsoWeek {
  year: number;
  week: number;
}

export interface WeekRange {
  /** "2026-W47" */
  label: string;
  /** Monday 00:00 in the zone, epoch ms (inclusive). */
  from: number;
  /** The next Monday 00:00, epoch ms (exclusive). */
  to: number;
  /** The seven days' local dates, "2026-11-16" … "2026-11-22". */
  days: string[];
  /** Each day's start, epoch ms; days[i] covers [dayStarts[i], dayStarts[i+1] ?? to). */
  dayStarts: number[];
}

const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

export function formatIsoWeek({ year, week }: IsoWeek): string {
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** ISO years with 53 weeks (2015, 2020, 2026, 2032, …). The zone is not needed: it is calendar arithmetic. */
export function weeksInIsoYear(year: number, _zone?: string): number {
  return getISOWeeksInYear(new Date(year, 0, 4, 12));
}

/** "2026-W47" → {year, week}, or null when malformed or the year has no such week (2025-W53). */
export function parseIsoWeek(value: string, _zone?: string): IsoWeek | null {
  const match = WEEK_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 1970 || year > 9999 || week < 1 || week > weeksInIsoYear(year)) return null;
  return { year, week };
}

/** The ISO week an instant falls in, on the zone's wall clock. */
export function isoWeekOf(at: number | Date, zone: string = DEFAULT_COMMUNITY_TZ): IsoWeek {
  const day = calendarNoon(+at, zone);
  return { year: getISOWeekYear(day), week: getISOWeek(day) };
}

/** The default report week: the last complete one before `now`. */
export function lastCompleteWeek(now: number | Date, zone: string = DEFAULT_COMMUNITY_TZ): IsoWeek {
  const day = addWeeks(calendarNoon(+now, zone), -1);
  return { year: getISOWeekYear(day), week: getISOWeek(day) };
}

export function weekRange(week: IsoWeek, zone: string = DEFAULT_COMMUNITY_TZ): WeekRange {
  const monday = addWeeks(startOfISOWeek(new Date(week.year, 0, 4, 12)), week.week - 1);
  const dayStarts = Array.from({ length: 8 }, (_, i) => zonedMidnight(addDays(monday, i), zone));
  return {
    label: formatIsoWeek(week),
    from: dayStarts[0]!,
    to: dayStarts[7]!,
    days: dayStarts.slice(0, 7).map((at) => localDate(at, zone)),
    dayStarts: dayStarts.slice(0, 7),
  };
}

/** The zone's calendar date of an instant, as noon of that date on the device's clock. */
function calendarNoon(at: number, zone: string): Date {
  const wall = new Date(at + zoneOffsetMs(at, zone));
  return new Date(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), 12);
}

/** The instant the zone's wall clock reads 00:00 on the (device-clock) date given. */
function zonedMidnight(date: Date, zone: string): number {
  const wall = Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
  // Twice: the offset at the first guess may differ from the one at midnight across a DST change.
  const guess = wall - zoneOffsetMs(wall, zone);
  return wall - zoneOffsetMs(guess, zone);
}

/** "2026-11-16": the zone's calendar date of an instant. */
export function localDate(at: number, zone: string): string {
  return localDateTime(at, zone).slice(0, 10);
}

/** "2026-11-16 08:05": the zone's wall-clock time of an instant, as office spreadsheets want it. */
export function localDateTime(at: number, zone: string): string {
  const local = new Date(at + zoneOffsetMs(at, zone));
  return `${local.getUTCFullYear()}-${TWO[local.getUTCMonth() + 1]}-${TWO[local.getUTCDate()]} ${TWO[local.getUTCHours()]}:${TWO[local.getUTCMinutes()]}`;
}

// Intl is exact but slow (~0.1 ms a call; a CSV of 10,000 hazards formats 30,000 times), so
// the zone's offset is asked per UTC day: when it is the same at both ends of the day (every
// day but the few with a DST change) it holds for the whole day; otherwise it is asked per hour,
// as offsets change on hour boundaries.
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const TWO = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const formatters = new Map<string, Intl.DateTimeFormat>();
const cache = new Map<string, Map<number, number>>();

function zoneOffsetMs(at: number, zone: string): number {
  let byBucket = cache.get(zone);
  if (!byBucket) cache.set(zone, (byBucket = new Map()));
  if (byBucket.size > 100_000) byBucket.clear();
  // Day buckets are keyed by their (negative-free) day number, hour buckets by -(hour + 1).
  const day = Math.floor(at / DAY_MS);
  let offset = byBucket.get(day);
  if (offset === undefined) {
    const start = askOffset(day * DAY_MS, zone);
    offset = start === askOffset((day + 1) * DAY_MS - 1000, zone) ? start : NaN;
    byBucket.set(day, offset);
  }
  if (!Number.isNaN(offset)) return offset;
  const hour = Math.floor(at / HOUR_MS);
  let hourly = byBucket.get(-(hour + 1));
  if (hourly === undefined) byBucket.set(-(hour + 1), (hourly = askOffset(hour * HOUR_MS, zone)));
  return hourly;
}

function askOffset(at: number, zone: string): number {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' });
    formatters.set(zone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - (at - (at % 1000));
}

