// The "Day" input's value (yyyy-MM-dd) as a window of epoch ms in the device's time zone.
import { addDays, format, parse, startOfDay } from 'date-fns';
import type { DayWindow } from '../../../shared/map/mapFilter';

export const todayInput = (now = new Date()) => format(now, 'yyyy-MM-dd');

/** An unparseable value (a half-typed date) falls back to today. */
export function dayWindow(value: string, now = new Date()): DayWindow {
  const parsed = parse(value, 'yyyy-MM-dd', now);
  const from = startOfDay(Number.isNaN(parsed.getTime()) ? now : parsed);
  return { from: from.getTime(), to: addDays(from, 1).getTime() };
}
