// Edit (the reporter, while open): category, severity, description. Only changed fields travel,
// so a concurrent edit of another field on another phone is not overwritten.
import { useState } from 'preact/hooks';
import { localName } from '../../../AppContext';
import { useI18n } from '../../../i18n';
import { SEVERITIES, type Severity } from '../../../../shared/domain/schemas';
import { EventForm, eventDraft } from './EventForm';
import type { FormProps } from './types';
import '../../../../shared/i18n/features/lifecycle';

export function EditForm({ hazard, detail, onDone }: FormProps) {
  const { t, locale } = useI18n();
  const [categoryId, setCategoryId] = useState(hazard.categoryId);
  const [severity, setSeverity] = useState<Severity>(hazard.severity);
  const [description, setDescription] = useState(hazard.description);

  const build = () => {
    const data = {
      ...(categoryId !== hazard.categoryId && { categoryId }),
      ...(severity !== hazard.severity && { severity }),
      ...(description.trim() !== hazard.description && { description: description.trim() }),
    };
    if (!description.trim()) return { missing: 'form.needDescription' as const };
    return Object.keys(data).length === 0 ? { missing: 'lifecycle.noChange' as const } : { draft: eventDraft(hazard.id, 'edit', data) };
  };

  return (
    <EventForm title={t('lifecycle.edit')} actor={detail.actor} onDone={onDone} build={build}>
      <label class="field">
        <span>{t('form.category')}</span>
        <select value={categoryId} onChange={(e) => setCategoryId(e.currentTarget.value)}>
          {[...detail.categories].map(([id, name]) => (
            <option key={id} value={id}>
              {localName(name, locale)}
            </option>
          ))}
        </select>
      </label>
      <fieldset class="field segmented" role="radiogroup" aria-labelledby="edit-severity">
        <legend id="edit-severity">{t('form.severity')}</legend>
        {SEVERITIES.map((s) => (
          <label key={s} class={`segment segment--${s}`}>
            <input type="radio" name="edit-severity" value={s} checked={severity === s} onChange={() => setSeverity(s)} />
            <span>{t(`severity.${s}`)}</span>
          </label>
        ))}
      </fieldset>
      <label class="field">
        <span>{t('form.description')}</span>
        <textarea rows={4} maxLength={2000} value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
      </label>
    </EventForm>
  );
}
