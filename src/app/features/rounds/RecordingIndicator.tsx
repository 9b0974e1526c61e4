// "Recording · last fix 12 s ago" on every screen while a round records on this phone: one
// sticky line at the top that opens the round panel on home. It tells the truth about the GPS:
// a GPS error, or silence longer than a gap, reads "No GPS signal".
// Screen readers hear the state when it changes, never the ticking seconds.
import { useEffect, useState } from 'preact/hooks';
import { useI18n, type I18n } from '../../i18n';
import { navigate } from '../../ui/useRoute';
import { DEFAULT_FIX_FILTER } from '../../../shared/tracks/acceptFix';
import { useActiveRound } from './useActiveRound';
import type { RecorderUpdate } from './trackRecorder';

/**
 * False on a GPS error (no signal, or location not allowed: the round panel says which), or
 * when no fix came for longer than a gap: the track is broken meanwhile. Before the first fix
 * the line says "waiting for GPS" instead.
 */
export function hasSignal({ error, lastFixAt }: RecorderUpdate, now: number): boolean {
  return !error && (lastFixAt === null || now - lastFixAt <= DEFAULT_FIX_FILTER.gapMs);
}

function sinceFix(t: I18n['t'], lastFixAt: number | null, now: number): string {
  if (lastFixAt === null) return t('round.noFix');
  const s = Math.max(0, Math.round((now - lastFixAt) / 1000));
  return s < 60 ? t('round.lastFixSeconds', { n: s }) : t('round.lastFixMinutes', { n: Math.floor(s / 60) });
}

/** Home, scrolled to the round panel with focus on its heading. Home is in the first chunk and
 * renders in a microtask after the hash changes, so the heading exists by the next task. */
function openRoundPanel(): void {
  if (location.hash.length > 2) navigate('home');
  setTimeout(() => document.getElementById('round-heading')?.focus());
}

export function RecordingIndicator() {
  const { t } = useI18n();
  const active = useActiveRound();
  const [now, setNow] = useState(Date.now());
  const recording = active !== null;
  useEffect(() => {
    if (!recording) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [recording]);
  if (!active) return null;
  const signal = hasSignal(active.update, now);
  return (
    <div class={signal ? 'rec-bar' : 'rec-bar rec-bar--noSignal'}>
      <button type="button" class="rec-bar__button" onClick={openRoundPanel}>
        <span class="rec-bar__dot" aria-hidden="true" />
        <span aria-live="polite">{t(signal ? 'round.recording' : 'round.noSignal')}</span>
        <span aria-live="off"> · {sinceFix(t, active.update.lastFixAt, now)}</span>
        <span class="visually-hidden"> · {t('round.openPanel')}</span>
      </button>
    </div>
  );
}
