// The "Day" input's value (yyyy-MM-dd) as a window of epoch ms in the device's time zone.
// Parsed by hand: date-fns `parse` would bring every format token's parser into the chunk.
import { addDays, format, startOfDay } from 'date-fns';
import type { DayWindow } from '../../../shared/map/mapFilter';

export const todayInput = (now = new Date()) => format(now, 'yyyy-MM-dd');

/** An unparseable value (a half-typed date) falls back to today. */
export function dayWindow(value: string, now = new Date()): DayWindow {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const parsed = match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : now;
  const from = startOfDay(Number.isNaN(parsed.getTime()) ? now : parsed);
  return { from: from.getTime(), to: addDays(from, 1).getTime() };
}
