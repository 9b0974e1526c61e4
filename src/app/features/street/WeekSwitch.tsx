// The week heading and its switcher, shared by the week's figures and the map: no further than
// the week in progress; until the endpoint names its default week, the heading says it loads.
import { useI18n } from '../../i18n';
import { currentWeek, shiftWeek, weekDays } from './weeks';
import '../../../shared/i18n/features/street';

export function WeekSwitch({ shown, zone, onPick }: { shown: string | null; zone: string; onPick: (week: string | null) => void }) {
  const { t } = useI18n();
  const now = currentWeek(Date.now(), zone);
  const go = (delta: number) => shown && onPick(shiftWeek(shown, delta, zone));
  const days = shown ? weekDays(shown, zone) : null;
  return (
    <section class="card week-switch" aria-labelledby="week-heading">
      <h2 id="week-heading">{shown ? t(shown === now ? 'street.weekNow' : 'street.week', { week: shown }) : t('app.loading')}</h2>
      {days && <p class="muted">{t('street.weekRange', days)}</p>}
      <div class="week-switch__buttons">
        <button type="button" class="btn" disabled={!shown} onClick={() => go(-1)}>‹&nbsp;{t('street.prevWeek')}</button>
        <button type="button" class="btn" disabled={!shown || shown >= now} onClick={() => go(1)}>{t('street.nextWeek')}&nbsp;›</button>
      </div>
    </section>
  );
}
