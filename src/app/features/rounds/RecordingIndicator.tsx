// "Recording · last fix 12 s ago" on every screen while a round records on this phone: one
// sticky line at the top that opens the round panel on home. It tells the truth about the GPS:
// an error, or silence longer than a gap (the track is broken meanwhile), reads "No GPS signal".
// Screen readers hear the state when it changes, never the ticking seconds.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n, type I18n } from '../../i18n';
import { navigate } from '../../ui/useRoute';
import { DEFAULT_FIX_FILTER } from '../../../shared/tracks/acceptFix';
import { useActiveRound } from './useActiveRound';
import type { RecorderUpdate } from './trackRecorder';

export type RecordingState = 'recording' | 'noSignal' | 'locationOff';

/** The state word: a GPS error, or no fix for longer than a gap, is not "recording" anything. */
export function recordingState(update: RecorderUpdate, recordingSince: number, now: number): RecordingState {
  if (update.error === 'denied') return 'locationOff';
  if (update.error === 'unavailable') return 'noSignal';
  return now - (update.lastFixAt ?? recordingSince) > DEFAULT_FIX_FILTER.gapMs ? 'noSignal' : 'recording';
}

function sinceFix(t: I18n['t'], lastFixAt: number | null, now: number): string {
  if (lastFixAt === null) return t('round.noFix');
  const s = Math.max(0, Math.round((now - lastFixAt) / 1000));
  if (s < 60) return t('round.lastFixSeconds', { n: s });
  if (s < 3600) return t('round.lastFixMinutes', { n: Math.floor(s / 60) });
  return t('round.lastFixHours', { n: Math.floor(s / 3600) });
}

/** Home, scrolled to the round panel with focus on its heading (it may render a frame later). */
function openRoundPanel(): void {
  if (location.hash !== '#/' && location.hash !== '') navigate('home');
  let frames = 60;
  const focus = () => {
    const heading = document.getElementById('round-heading');
    if (heading) heading.focus();
    else if (--frames > 0) requestAnimationFrame(focus);
  };
  requestAnimationFrame(focus);
}

const WORDS = { recording: 'round.recording', noSignal: 'round.noSignal', locationOff: 'round.locationOff' } as const;

export function RecordingIndicator() {
  const { t } = useI18n();
  const active = useActiveRound();
  const [now, setNow] = useState(Date.now());
  // When this recorder began: before the first fix, silence is counted from here.
  const since = useRef<{ roundId: string; at: number } | null>(null);
  const recording = active !== null;
  useEffect(() => {
    if (!recording) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [recording]);
  if (!active) {
    since.current = null;
    return null;
  }
  if (since.current?.roundId !== active.round.id) since.current = { roundId: active.round.id, at: Date.now() };
  const state = recordingState(active.update, since.current.at, now);
  return (
    <div class={`rec-bar rec-bar--${state}`}>
      <button type="button" class="rec-bar__button" onClick={openRoundPanel}>
        <span class="rec-bar__dot" aria-hidden="true" />
        <span aria-live="polite">{t(WORDS[state])}</span>
        <span aria-live="off"> · {sinceFix(t, active.update.lastFixAt, now)}</span>
        <span class="visually-hidden"> · {t('round.openPanel')}</span>
      </button>
    </div>
  );
}
