// What the street map draws, from the endpoint's answer: one outline colour per community (named
// in the legend, not on the map), hazards as dots in the severity palette with a ring when
// overdue, the box to fit and each community's box for the legend's zoom. Pure: positions come
// in WGS-84 and go out as the basemap draws them (GCJ-02 for AMap), so Leaflet only places them.
import type { StreetMap } from '../../../shared/protocol/street';
import type { MapCrs } from '../../../shared/map/basemap';
import { toDisplay, type LatLngPair } from '../../../shared/map/displayCoords';
import { SEVERITY_COLORS } from '../../../shared/report/severityColors';
import { HAZARD_STATUSES, SEVERITIES } from '../../../shared/domain/schemas';
import type { MessageKey } from '../../../shared/i18n';
import '../../../shared/i18n/features/street';

/** [south, west, north, east] in display coordinates. */
export type Box = [number, number, number, number];

// Outline colours kept apart from the severity scale (light blue → dark red): greens, purples,
// browns and greys, so an outline never reads as a hazard's severity.
export const COMMUNITY_COLOURS = ['#1b7837', '#762a83', '#8c510a', '#35978f', '#c51b7d', '#4d4d4d'] as const;

export interface CommunityLayer { id: string; colour: string; rings: LatLngPair[][]; box: Box | null }
export interface HazardDot { id: string; communityId: string; severity: keyof typeof SEVERITY_COLORS; status: string; fill: string; overdueMs: number; overdue: boolean; at: LatLngPair }
export interface StreetMapLayers { communities: CommunityLayer[]; dots: HazardDot[]; box: Box | null }

const emptyBox = (): Box => [Infinity, Infinity, -Infinity, -Infinity];
const extend = (box: Box, [lat, lng]: LatLngPair) => {
  box[0] = Math.min(box[0], lat);
  box[1] = Math.min(box[1], lng);
  box[2] = Math.max(box[2], lat);
  box[3] = Math.max(box[3], lng);
};
const finite = (box: Box): Box | null => (box[0] === Infinity ? null : box);

export function streetMapLayers(data: StreetMap, crs: MapCrs): StreetMapLayers {
  const all = emptyBox();
  const boxes = new Map<string, Box>();
  const communities = data.communities.map((c, i): CommunityLayer => {
    const box = emptyBox();
    const rings = c.compounds
      .filter((compound) => compound.polygon.length > 2)
      .map((compound) => compound.polygon.map(([lng, lat]) => toDisplay(lat, lng, crs)));
    for (const ring of rings) for (const point of ring) extend(box, point);
    boxes.set(c.id, box);
    return { id: c.id, colour: COMMUNITY_COLOURS[i % COMMUNITY_COLOURS.length]!, rings, box };
  });
  // Most severe last, so it is drawn on top where dots overlap.
  const dots = data.hazards
    .map((h): HazardDot => ({ id: h.id, communityId: h.communityId, severity: h.severity, status: h.status, fill: SEVERITY_COLORS[h.severity], overdueMs: h.overdueMs, overdue: h.overdueMs > 0, at: toDisplay(h.lat, h.lng, crs) }))
    .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  for (const dot of dots) {
    extend(all, dot.at);
    // A community's zoom takes in its hazards too: one outside every compound is still its own.
    const box = boxes.get(dot.communityId);
    if (box) extend(box, dot.at);
  }
  for (const c of communities) {
    c.box = finite(boxes.get(c.id)!);
    if (c.box) {
      extend(all, [c.box[0], c.box[1]]);
      extend(all, [c.box[2], c.box[3]]);
    }
  }
  return { communities, dots, box: finite(all) };
}

type T = (key: MessageKey, params?: Record<string, string | number>) => string;
const HOUR_MS = 3_600_000;

/** A hazard in words, for its dot's name and the line under the map: severity, status, community, how overdue. */
export function hazardText(h: Pick<HazardDot, 'severity' | 'status' | 'overdueMs'>, community: string, t: T): string {
  const status = (HAZARD_STATUSES as readonly string[]).includes(h.status) ? t(`hazard.status.${h.status}` as MessageKey) : h.status;
  const text = t('street.map.hazard', { severity: t(`severity.${h.severity}`), status, community });
  if (h.overdueMs <= 0) return text;
  const hours = h.overdueMs / HOUR_MS;
  // Hours while it is still the same day or two; days after that.
  const time = hours < 48 ? t('street.map.hours', { n: Math.max(1, Math.round(hours)) }) : t('street.map.days', { n: Math.floor(hours / 24) });
  return `${text} · ${t('street.map.overdueBy', { time })}`;
}
