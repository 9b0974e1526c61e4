// Checkpoint scan by its code. Manual entry is always here, because a printed QR gets damaged;
// the scan keeps the current position and is flagged when over 100 m from the checkpoint.
import { useState } from 'preact/hooks';
import { useApp, localName } from '../../AppContext';
import { useI18n } from '../../i18n';
import { navigate } from '../../ui/useRoute';
import { recordScan } from './roundWrites';
import { useActiveRound } from './useActiveRound';
import type { Position } from '../../../shared/domain/schemas';

export function ScanScreen() {
  const { db, session, scheduler } = useApp();
  const { t, locale } = useI18n();
  const active = useActiveRound();
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (!active) return setMessage({ text: t('scan.needRound'), error: true });
    const checkpoint = await db.checkpoints.where('code').equals(code.trim().toUpperCase()).first();
    if (!checkpoint) return setMessage({ text: t('scan.unknown'), error: true });
    const last = active.update.points.at(-1);
    const position: Position | null = last ? { lat: last.lat, lng: last.lng, accuracy: last.accuracy, at: new Date(last.at).toISOString() } : null;
    const { far, distanceM } = await recordScan(db, session, active.round, checkpoint, position, 'manual');
    scheduler.afterSave();
    const name = localName(checkpoint.name, locale);
    setMessage({ text: far ? t('scan.far', { name, m: Math.round(distanceM ?? 0) }) : t('scan.recorded', { name }), error: false });
    setCode('');
  }

  return (
    <section class="screen">
      <header class="topbar">
        <h1>{t('scan.title')}</h1>
        <button type="button" class="btn btn--ghost" onClick={() => navigate('home', { replace: true })}>
          {t('settings.back')}
        </button>
      </header>
      <form class="stack" onSubmit={(e) => void submit(e)}>
        <label class="field">
          <span>{t('scan.code')}</span>
          <input value={code} onInput={(e) => setCode(e.currentTarget.value)} autocomplete="off" autocapitalize="characters" spellcheck={false} required />
        </label>
        <button type="submit" class="btn btn--primary">
          {t('scan.record')}
        </button>
        {message && (
          <p class={message.error ? 'error' : ''} role={message.error ? 'alert' : undefined} aria-live="polite">
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
