// Replay: a labelled slider over the day in 5-minute steps. At its right end it shows the whole
// day; anywhere else, where each walker was then and the hazards logged up to then.
import { useI18n } from '../../i18n';
import type { DayWindow } from '../../../shared/map/mapFilter';
import '../../../shared/i18n/features/map';

const STEP_MIN = 5;
const DAY_MIN = 24 * 60;

export function ReplaySlider({ day, at, onAt }: { day: DayWindow; at: number | null; onAt: (at: number | null) => void }) {
  const { t, time } = useI18n();
  const minutes = at === null ? DAY_MIN : Math.round((at - day.from) / 60_000);
  const text = at === null ? t('map.replayAll') : t('map.replayAt', { time: time(at) });
  return (
    <div class="map-replay">
      <label for="map-replay-time"><strong>{t('map.replay')}</strong></label>
      <output for="map-replay-time">{text}</output>
      <input
        id="map-replay-time"
        type="range"
        min={0}
        max={DAY_MIN}
        step={STEP_MIN}
        value={minutes}
        aria-valuetext={text}
        onInput={(e) => {
          const value = Number(e.currentTarget.value);
          onAt(value >= DAY_MIN ? null : day.from + value * 60_000);
        }}
      />
    </div>
  );
}
