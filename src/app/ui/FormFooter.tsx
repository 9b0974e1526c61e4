// The end of every form: its error in words, then Cancel and Save (Save shows "Saving…" and is
// disabled while the write runs, so a second tap cannot save twice).
import { useI18n } from '../i18n';

export function FormFooter({ error, saving, onCancel }: { error: string | null; saving: boolean; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="button" class="btn" onClick={onCancel}>
          {t('form.cancel')}
        </button>
        <button type="submit" class="btn btn--primary" disabled={saving}>
          {saving ? t('form.saving') : t('form.save')}
        </button>
      </div>
    </>
  );
}
