// "Update available — Reload". Reload is refused while a form has unsaved input.
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { formGuard } from './formGuard';
import type { UpdateHandle } from '../swBridge';

export function UpdatePrompt({ update }: { update: UpdateHandle | null }) {
  const { t } = useI18n();
  const [dirty, setDirty] = useState(formGuard.isDirty());
  useEffect(() => formGuard.subscribe(setDirty), []);
  if (!update) return null;
  return (
    <div class="banner banner--update" aria-live="polite">
      <span>{t('update.available')}</span>
      <button type="button" class="btn btn--small" disabled={dirty} onClick={() => update.apply()}>
        {t('update.reload')}
      </button>
      {dirty && <small>{t('update.finishForm')}</small>}
    </div>
  );
}
