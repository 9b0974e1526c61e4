// Live figures of the recording round: time, distance, fixes, accuracy and gaps in words.
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { trackDistanceMetres } from '../../../shared/tracks/trackDistance';
import { summarizeGaps } from '../../../shared/tracks/segments';
import { gapText } from './gapText';
import type { ActiveRound } from './roundController';

function clock(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

export function RoundStats({ active }: { active: ActiveRound }) {
  const { t } = useI18n();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 10_000);
    return () => clearInterval(timer);
  }, []);
  const { points, accuracy, error } = active.update;
  const startedAt = Date.parse(active.round.startedAt);
  const gaps = summarizeGaps(points, { startedAt, endedAt: Math.max(now, points.at(-1)?.at ?? 0) });
  const km = (trackDistanceMetres(points) / 1000).toFixed(2);
  return (
    <>
      <dl class="stats">
        <div><dt>{t('round.elapsed')}</dt><dd>{clock(Math.max(0, now - startedAt))}</dd></div>
        <div><dt>{t('round.distance')}</dt><dd>{t('round.km', { km })}</dd></div>
        <div><dt>{t('round.fixes')}</dt><dd>{points.length}</dd></div>
        <div><dt>{t('round.accuracy')}</dt><dd>{accuracy === null ? t('round.noFix') : t('form.accuracy', { m: Math.round(accuracy) })}</dd></div>
      </dl>
      <p class="muted">
        {gapText(t, gaps)}
      </p>
      {error && <p class="error">{t(error === 'denied' ? 'round.gpsDenied' : 'round.gpsUnavailable')}</p>}
      {active.wakeLock === 'unsupported' && <p class="error">{t('round.wakeLockUnsupported')}</p>}
      {active.wakeLock === 'released' && <p class="muted">{t('round.wakeLockReleased')}</p>}
    </>
  );
}
