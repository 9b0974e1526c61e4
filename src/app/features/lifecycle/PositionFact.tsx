// Where a hazard is, in the detail: one short line (compound and accuracy, or "no position —
// place it on the map later") that screen readers read, and a small map with the pin and the
// compound outline for the eye (Leaflet loads lazily with it; without tiles it is outline + pin).
import { localName } from '../../AppContext';
import { useI18n } from '../../i18n';
import type { LocalHazard } from '../../db/db';
import type { Compound } from '../../../shared/domain/schemas';
import { needsPlacing } from '../../../shared/domain/hazardLifecycle';
import { compoundOutlines, PinMapView } from '../map';
import '../../../shared/i18n/features/lifecycle';

export function PositionFact({ hazard, compound }: { hazard: LocalHazard; compound: Compound | undefined }) {
  const { t, locale } = useI18n();
  const { position } = hazard;
  const where = compound ? localName(compound.name, locale) : t('place.noCompound');
  const line = !position
    ? t('position.none')
    : needsPlacing(hazard)
      ? `${where} · ${t('position.rough', { m: Math.round(position.accuracy) })}`
      : t('position.line', { compound: where, m: Math.round(position.accuracy) });
  return (
    <>
      <dt>{t('form.position')}</dt>
      <dd class="position-fact">
        <span data-testid="position-line">{line}</span>
        {position && (
          <PinMapView
            label={t('position.map')}
            pinLabel={t('position.map')}
            outlines={compound ? compoundOutlines([compound], compound.id, locale) : []}
            pin={position}
            centre={position}
          />
        )}
      </dd>
    </>
  );
}
