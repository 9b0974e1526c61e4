// A single-use enrollment code as the office hands it over: the code as text, a QR that opens
// the app with it filled in, and until when it works. The admin and street office screens show it.
import { useMemo } from 'preact/hooks';
import { useI18n } from '../i18n';
import { qrDataUrl } from './qrDataUrl';

export function EnrollmentCodeCard({ code, expiresAt }: { code: string; expiresAt: string }) {
  const { t, dateTime } = useI18n();
  const qr = useMemo(() => qrDataUrl(`${location.origin}/?code=${encodeURIComponent(code)}`), [code]);
  return (
    <div class="qr-card">
      <code>{code}</code>
      <img src={qr} width={200} height={200} alt={t('admin.codeQr', { code })} />
      <span class="muted">{t('admin.expires', { time: dateTime(expiresAt) })}</span>
    </div>
  );
}
