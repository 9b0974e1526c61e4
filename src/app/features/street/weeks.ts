// Week arithmetic for the dashboard's switcher, on ISO week labels in the street's zone (the
// endpoint counts the dashboard's weeks there too).
import { formatIsoWeek, isoWeekOf, parseIsoWeek, weekRange } from '../../../shared/report/isoWeek';

const DAY_MS = 86_400_000;

/** The week `delta` weeks from `label` ("2026-W47", +1 → "2026-W48"), or null for a malformed label. */
export function shiftWeek(label: string, delta: number, zone: string): string | null {
  const week = parseIsoWeek(label);
  if (!week) return null;
  // From mid-week: a DST change moves an edge by an hour, never out of the week.
  return formatIsoWeek(isoWeekOf(weekRange(week, zone).from + (7 * delta + 3.5) * DAY_MS, zone));
}

/** The week in progress at `now` in the zone: the switcher goes no further. */
export const currentWeek = (now: number, zone: string) => formatIsoWeek(isoWeekOf(now, zone));

/** The week's first and last day ("2026-11-16", "2026-11-22"), or null for a malformed label. */
export function weekDays(label: string, zone: string): { from: string; to: string } | null {
  const week = parseIsoWeek(label);
  if (!week) return null;
  const { days } = weekRange(week, zone);
  return { from: days[0]!, to: days[6]! };
}
