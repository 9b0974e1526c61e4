// Checkpoint scan by its code. Manual entry is always here, because a printed QR gets damaged;
// the scan keeps the current position and is flagged when over 100 m from the checkpoint.
import { useState } from 'preact/hooks';
import { useApp, localName } from '../../AppContext';
import { useI18n } from '../../i18n';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { recordScan } from './roundWrites';
import { useActiveRound } from './useActiveRound';
import { useCameraScan } from './useCameraScan';
import type { Position } from '../../../shared/domain/schemas';

export function ScanScreen() {
  const { db, session, scheduler } = useApp();
  const { t, locale } = useI18n();
  const active = useActiveRound();
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const camera = useCameraScan((read) => void record(read, 'camera'));

  async function record(typed: string, method: 'camera' | 'manual') {
    if (!active) return setMessage({ text: t('scan.needRound'), error: true });
    const checkpoint = await db.checkpoints.where('code').equals(typed.trim().toUpperCase()).first();
    if (!checkpoint) return setMessage({ text: t('scan.unknown'), error: true });
    const last = active.update.points.at(-1);
    const position: Position | null = last ? { lat: last.lat, lng: last.lng, accuracy: last.accuracy, at: new Date(last.at).toISOString() } : null;
    const { far, distanceM } = await recordScan(db, session, active.round, checkpoint, position, method);
    scheduler.afterSave();
    const name = localName(checkpoint.name, locale);
    setMessage({ text: far ? t('scan.far', { name, m: Math.round(distanceM ?? 0) }) : t('scan.recorded', { name }), error: false });
    setCode('');
  }

  return (
    <section class="screen">
      <ScreenHeader title={t('scan.title')} />
      <div class="stack">
        {camera.state === 'scanning' ? (
          <>
            <video ref={camera.video} class="camera" muted playsInline aria-label={t('scan.cameraView')} />
            <button type="button" class="btn" onClick={camera.stop}>
              {t('scan.stopCamera')}
            </button>
          </>
        ) : (
          <button type="button" class="btn" onClick={camera.start}>
            {t('scan.camera')}
          </button>
        )}
        {camera.state === 'denied' && <p class="error">{t('scan.cameraDenied')}</p>}
        {camera.state === 'unavailable' && <p class="error">{t('scan.cameraUnavailable')}</p>}
      </div>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void record(code, 'manual');
        }}
      >
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
