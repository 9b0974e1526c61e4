// From a loaded day and the filters to what the route map draws: tracks, scans, hazards (with
// their text-only popups) and compound outlines. All positions stay WGS-84 here.
import { localName } from '../../AppContext';
import type { I18n } from '../../i18n';
import type { LocalHazard, LocalHazardEvent } from '../../db/db';
import type { MapDay } from './loadMapDay';
import type { CompoundInput, HazardInput, PointInput } from './routeMap';
import type { TrackInput } from './trackLayer';
import type { LocalRound } from '../../db/db';
import { hazardPopup } from './hazardPopup';
import '../../../shared/i18n/features/map';

export function compoundInputs(data: MapDay, locale: I18n['locale']): CompoundInput[] {
  return data.compounds.map((c) => ({ id: c.id, name: localName(c.name, locale), ring: c.polygon }));
}

export function trackInputs(data: MapDay, rounds: readonly LocalRound[], colours: ReadonlyMap<string, string>): TrackInput[] {
  return rounds.flatMap((r) => {
    const track = data.tracks.get(r.id);
    return track ? [{ id: r.id, colour: colours.get(r.startedBy) ?? '#555', packed: track.packed, signature: track.signature }] : [];
  });
}

export function scanInputs(data: MapDay, rounds: readonly LocalRound[], colours: ReadonlyMap<string, string>): PointInput[] {
  const shown = new Set(rounds.map((r) => r.id));
  return data.scans.flatMap((scan) => {
    const checkpoint = data.checkpoints.get(scan.checkpointId);
    const at = scan.position ?? checkpoint;
    if (!shown.has(scan.roundId) || !at) return [];
    return [{ id: scan.id, lat: at.lat, lng: at.lng, colour: colours.get(scan.memberId) ?? '#555', label: checkpoint ? localName(checkpoint.name, 'en') : scan.checkpointId }];
  });
}

/** A compound's rough centre, for a hazard logged without a GPS fix but with its compound. */
function centreOf(ring: ReadonlyArray<readonly [number, number]>): { lat: number; lng: number } {
  const corners = ring.slice(0, -1);
  return {
    lat: corners.reduce((s, [, lat]) => s + lat, 0) / corners.length,
    lng: corners.reduce((s, [lng]) => s + lng, 0) / corners.length,
  };
}

export function hazardInputs(
  data: MapDay,
  hazards: readonly LocalHazard[],
  events: ReadonlyMap<string, LocalHazardEvent[]>,
  i18n: I18n,
  open: (id: string) => void,
  photos?: (ids: readonly string[], hazardId: string) => HTMLElement,
): HazardInput[] {
  const { t, locale, dateTime } = i18n;
  const categories = new Map(data.categories.map((c) => [c.id, c.name]));
  const compounds = new Map(data.compounds.map((c) => [c.id, c]));
  return hazards.flatMap((h) => {
    const compound = h.compoundId ? compounds.get(h.compoundId) : undefined;
    const at = h.position ?? (compound ? centreOf(compound.polygon) : null);
    if (!at) return [];
    const categoryName = categories.get(h.categoryId);
    const category = categoryName ? localName(categoryName, locale) : h.categoryId;
    const severity = t(`severity.${h.severity}`);
    const status = t(`hazard.status.${h.status}`);
    return [{
      id: h.id,
      lat: at.lat,
      lng: at.lng,
      severity: h.severity,
      status: h.status,
      label: t('map.hazardMarker', { severity, status, category }),
      popup: () =>
        hazardPopup({
          title: category,
          description: h.description,
          facts: [
            [t('map.severity'), severity],
            [t('map.status'), status],
            [t('map.compound'), compound ? localName(compound.name, locale) : t('common.unknown')],
            [t('map.reported', { time: '' }).trim(), dateTime(h.createdAt)],
            ...(h.photoIds.length ? [[t('map.photos', { n: h.photoIds.length }), ''] as [string, string]] : []),
          ],
          // Built when the popup opens, not on every filter or replay step.
          history: (events.get(h.id) ?? []).map((e) => {
            const text = 'reason' in e.data ? e.data.reason : 'note' in e.data ? e.data.note : 'text' in e.data ? e.data.text : '';
            return [dateTime(e.at), t(`map.event.${e.type}`), text].filter(Boolean).join(' · ');
          }),
          photos: h.photoIds.length && photos ? photos(h.photoIds, h.id) : undefined,
          openLabel: t('map.openDetail'),
          onOpen: () => open(h.id),
        }),
    }];
  });
}
