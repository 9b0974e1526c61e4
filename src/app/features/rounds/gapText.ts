// A round's gaps in words: "No gaps", "1 gap, 2 min without position", "3 gaps, …".
import type { I18n } from '../../i18n';
import type { GapSummary } from '../../../shared/tracks/segments';

export function gapText(t: I18n['t'], { gaps, withoutPositionMs }: GapSummary): string {
  const min = Math.round(withoutPositionMs / 60_000);
  if (gaps === 0) return t('round.noGaps');
  return gaps === 1 ? t('round.gap', { min }) : t('round.gaps', { n: gaps, min });
}
