// What the hazard is: status, category, severity, description, where (compound and accuracy as
// text, and a small map with the pin and the compound outline), reporter, the company it is
// assigned to, what it duplicates, and its "before" photos.
import { localName } from '../../AppContext';
import { useI18n } from '../../i18n';
import { navigate } from '../../ui/useRoute';
import type { LocalHazard } from '../../db/db';
import { PhotoStrip } from '../../photos/ui/PhotoStrip';
import { PositionFact } from './PositionFact';
import type { HazardDetail } from './useHazardDetail';
import '../../../shared/i18n/features/lifecycle';

export function HazardFacts({ hazard, detail }: { hazard: LocalHazard; detail: HazardDetail }) {
  const { t, locale, dateTime } = useI18n();
  const name = (value: { zh: string; en: string } | undefined, fallback: string) => (value ? localName(value, locale) : fallback);
  const compound = hazard.compoundId ? detail.compounds.get(hazard.compoundId) : undefined;
  const company = hazard.assignedCompanyId ? detail.companies.get(hazard.assignedCompanyId) : undefined;
  return (
    <>
      <div class="hazard__head">
        <strong class="hazard-detail__category">{name(detail.categories.get(hazard.categoryId), hazard.categoryId)}</strong>
        <span class={`chip chip--${hazard.severity}`}>{t(`severity.${hazard.severity}`)}</span>
      </div>
      <p class={`status status--${hazard.status}`}>
        {t('hazard.status')}: <strong>{t(`hazard.status.${hazard.status}`)}</strong>
      </p>
      <p class="hazard__description">{hazard.description}</p>
      <dl class="facts">
        <PositionFact hazard={hazard} compound={compound} />
        <dt>{t('hazard.reporter')}</dt>
        <dd>{detail.members.get(hazard.reporterId)?.name ?? t('common.unknown')} · {dateTime(hazard.createdAt)}</dd>
        {hazard.assignedCompanyId && (<><dt>{t('hazard.assignedTo')}</dt><dd>{name(company, hazard.assignedCompanyId)}</dd></>)}
        {hazard.duplicateOf && (
          <>
            <dt>{t('hazard.duplicateOf')}</dt>
            <dd>
              <button type="button" class="btn btn--small" onClick={() => navigate('hazard', { param: hazard.duplicateOf! })}>
                {t('history.openDuplicate')}
              </button>
            </dd>
          </>
        )}
      </dl>
      <section aria-labelledby="photos-heading">
        <h2 id="photos-heading">{t('hazard.photos')}</h2>
        {hazard.photoIds.length === 0 ? <p class="muted">{t('hazard.noPhotos')}</p> : <PhotoStrip ids={hazard.photoIds} hazardId={hazard.id} eventId={null} />}
      </section>
    </>
  );
}
