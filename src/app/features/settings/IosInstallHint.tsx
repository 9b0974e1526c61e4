// Safari on iOS may delete a website's storage after 7 days without a visit, unless the app is
// on the Home Screen (WebKit's "7-day cap on script-writable storage", webkit.org/blog/10218).
// So, once, in Safari and not installed: how to add it. Dismissed for good with "Got it".
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../AppContext';
import { useI18n } from '../../i18n';
import { getMeta, setMeta } from '../../db/meta';
import '../../../shared/i18n/features/photos';

export function needsIosInstallHint(nav: Navigator = navigator, standalone = matchMedia('(display-mode: standalone)').matches): boolean {
  const ios = /iPad|iPhone|iPod/.test(nav.userAgent) || (nav.platform === 'MacIntel' && nav.maxTouchPoints > 1);
  const installed = standalone || (nav as Navigator & { standalone?: boolean }).standalone === true;
  return ios && !installed;
}

export function IosInstallHint() {
  const { db } = useApp();
  const { t } = useI18n();
  const [show, setShow] = useState(false);
  useEffect(() => {
    if (!needsIosInstallHint()) return;
    void getMeta(db, 'iosInstallHintSeen').then((seen) => setShow(seen === undefined));
  }, [db]);
  if (!show) return null;
  return (
    <section class="card" role="note">
      <p>{t('storage.iosHint')}</p>
      <button
        type="button"
        class="btn"
        onClick={() => {
          setShow(false);
          void setMeta(db, 'iosInstallHintSeen', new Date().toISOString());
        }}
      >
        {t('storage.iosHintDismiss')}
      </button>
    </section>
  );
}
