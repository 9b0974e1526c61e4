// How the dashboard words its figures: every time stands beside the count it was measured on
// ("3.2 h (n=12)"), so one quick fix never reads like a habit.
import type { MessageKey } from '../../../shared/i18n';
import '../../../shared/i18n/features/street';

type Times = { count: number; median: number | null; p90: number | null };
type T = (key: MessageKey, params?: Record<string, string | number>) => string;

export function hoursText(times: Times, which: 'median' | 'p90', t: T): string {
  const value = times[which];
  return value === null ? t('street.noHours', { n: times.count }) : t('street.hours', { h: value.toFixed(1), n: times.count });
}

/** "hazards-2026-W47-建兴路社区.csv": the week and the community, so a street's files stay apart. */
export function csvName(week: string, community: string): string {
  const safe = community.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '');
  return `hazards-${week}${safe ? `-${safe}` : ''}.csv`;
}
