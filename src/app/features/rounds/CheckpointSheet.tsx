// A printable sheet of the checkpoints' QR codes for the community office: one card per
// checkpoint with its compound's Chinese name, to be stuck at the gates. QR encoding is the
// lean-qr's (see ui/qrDataUrl.ts); the code is also printed for manual entry.
import { useMemo } from 'preact/hooks';
import { qrDataUrl } from '../../ui/qrDataUrl';
import { useApp } from '../../AppContext';
import { useI18n } from '../../i18n';
import { useLiveQuery } from '../../ui/useLiveQuery';
import { ScreenHeader } from '../../ui/ScreenHeader';

export function CheckpointSheet() {
  const { db } = useApp();
  const { t } = useI18n();
  const checkpoints = useLiveQuery(() => db.checkpoints.orderBy('compoundId').toArray(), [db], []);
  const compounds = useLiveQuery(() => db.compounds.toArray(), [db], []);
  const images = useMemo(() => new Map(checkpoints.map((c) => [c.id, qrDataUrl(c.code)])), [checkpoints]);
  const compoundName = new Map(compounds.map((c) => [c.id, c.name.zh]));

  return (
    <section class="screen sheet">
      <ScreenHeader title={t('sheet.title')} class="no-print" />
      <p class="no-print">{t('sheet.hint', { n: checkpoints.length })}</p>
      <button type="button" class="btn btn--primary no-print" onClick={() => print()}>
        {t('sheet.print')}
      </button>
      <ul class="qr-grid">
        {checkpoints.map((c) => (
          <li key={c.id} class="qr-card" lang="zh-CN">
            <strong>{compoundName.get(c.compoundId) ?? c.compoundId}</strong>
            <span>{c.name.zh}</span>
            {images.get(c.id) && <img src={images.get(c.id)} width={160} height={160} alt={`${c.name.zh} ${c.code}`} />}
            <code>{c.code}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
