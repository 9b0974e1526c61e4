// Place it on the map: a hazard saved without a fix, or with a poor one, gets the position of a
// pin dragged (or tapped, or nudged with arrow keys) on a small map. The pin works in WGS-84
// (pinMap shifts it for a GCJ-02 basemap and back). The compound shown is this phone's guess
// from its pulled polygons; the endpoint decides it again from its own.
import { useMemo, useState } from 'preact/hooks';
import { localName } from '../../../AppContext';
import { useI18n } from '../../../i18n';
import { compoundOutlines, PinMapView, ringCentre, type PinPoint } from '../../map';
import { findCompound } from '../../../../shared/geo/pointInPolygon';
import { PLACED_ACCURACY_M } from '../../../../shared/domain/hazardLifecycle';
import { EventForm, eventDraft } from './EventForm';
import type { FormProps } from './types';
import '../../../../shared/i18n/features/lifecycle';

export function PlaceForm({ hazard, detail, onDone }: FormProps) {
  const { t, locale } = useI18n();
  const compounds = useMemo(() => [...detail.compounds.values()], [detail.compounds]);
  const start = useMemo<PinPoint | null>(() => {
    if (hazard.position) return hazard.position;
    const own = hazard.compoundId ? detail.compounds.get(hazard.compoundId) : undefined;
    return ringCentre(own?.polygon ?? compounds[0]?.polygon ?? []);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hazard.id]);
  // With no position at all, the pin starts at a guess: it must be moved before it means anything.
  const [pin, setPin] = useState<PinPoint | null>(hazard.position);
  const compound = pin ? findCompound(pin.lng, pin.lat, compounds) : null;
  const outlines = useMemo(() => compoundOutlines(compounds, hazard.compoundId, locale), [compounds, hazard.compoundId, locale]);

  return (
    <EventForm
      title={t('place.title')}
      actor={detail.actor}
      onDone={onDone}
      build={() =>
        pin
          ? {
              draft: eventDraft(hazard.id, 'place', {
                position: { lat: pin.lat, lng: pin.lng, accuracy: PLACED_ACCURACY_M, at: new Date().toISOString() },
                compoundId: compound?.id ?? null,
              }),
            }
          : { missing: 'place.needMove' }
      }
    >
      <p id="place-hint">{t('place.hint')}</p>
      <PinMapView label={t('place.map')} pinLabel={t('place.pin')} outlines={outlines} pin={start} centre={start} onMove={setPin} />
      <p aria-live="polite" data-testid="place-compound">
        {pin ? (compound ? t('place.inCompound', { name: localName(compound.name, locale) }) : t('place.noCompound')) : t('place.needMove')}
      </p>
    </EventForm>
  );
}
