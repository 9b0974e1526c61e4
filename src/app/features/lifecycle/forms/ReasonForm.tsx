// Reject (a reason is required) and Reopen (a reason is welcome): one text field each.
import { useState } from 'preact/hooks';
import { useI18n } from '../../../i18n';
import { EventForm, eventDraft } from './EventForm';
import type { FormProps } from './types';
import '../../../../shared/i18n/features/lifecycle';

export function ReasonForm({ hazard, detail, onDone, type }: FormProps & { type: 'reject' | 'reopen' }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  return (
    <EventForm
      title={t(`lifecycle.${type}`)}
      actor={detail.actor}
      onDone={onDone}
      build={() =>
        type === 'reject' && !reason.trim()
          ? { missing: 'lifecycle.needReason' }
          : { draft: eventDraft(hazard.id, type, { reason: reason.trim() }) }
      }
    >
      <label class="field">
        <span>{t('lifecycle.reason')}</span>
        <textarea rows={3} maxLength={2000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
    </EventForm>
  );
}
