// Assign: choose the property company, by default the one responsible for the compound.
import { useState } from 'preact/hooks';
import { localName } from '../../../AppContext';
import { useI18n } from '../../../i18n';
import { EventForm, eventDraft } from './EventForm';
import type { FormProps } from './types';
import '../../../../shared/i18n/features/lifecycle';

export function AssignForm({ hazard, detail, onDone }: FormProps) {
  const { t, locale } = useI18n();
  const compoundCompany = hazard.compoundId ? detail.compounds.get(hazard.compoundId)?.propertyCompanyId : undefined;
  const companies = [...detail.companies].sort(([a], [b]) => a.localeCompare(b));
  // No compound, no default: a quick tap must not send the hazard to an arbitrary company.
  const [companyId, setCompanyId] = useState(hazard.assignedCompanyId ?? compoundCompany ?? '');
  return (
    <EventForm
      title={t('lifecycle.assign')}
      actor={detail.actor}
      onDone={onDone}
      build={() => (companyId ? { draft: eventDraft(hazard.id, 'assign', { propertyCompanyId: companyId }) } : { missing: 'lifecycle.pickCompany' })}
    >
      <label class="field">
        <span>{t('lifecycle.company')}</span>
        <select value={companyId} onChange={(e) => setCompanyId(e.currentTarget.value)}>
          {!companyId && <option value="">{t('lifecycle.pickCompany')}</option>}
          {companies.map(([id, name]) => (
            <option key={id} value={id}>
              {id === compoundCompany ? t('lifecycle.companyDefault', { name: localName(name, locale) }) : localName(name, locale)}
            </option>
          ))}
        </select>
      </label>
    </EventForm>
  );
}
