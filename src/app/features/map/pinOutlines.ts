// What the pin maps draw besides the pin: compound outlines (the hazard's own one highlighted)
// and where to look when a hazard has no position yet. Pure, WGS-84 in and out.
import type { Compound } from '../../../shared/domain/schemas';
import type { Locale } from '../../../shared/i18n';
import type { PinOutline, PinPoint } from './pinMap';
import { localName } from '../../AppContext';

export function compoundOutlines(compounds: Iterable<Compound>, highlightId: string | null, locale: Locale): PinOutline[] {
  return [...compounds].map((c) => ({ id: c.id, name: localName(c.name, locale), ring: c.polygon, highlight: c.id === highlightId }));
}

/** The middle of a compound's ring (vertex mean: compounds are small and convex enough). */
export function ringCentre(ring: ReadonlyArray<readonly [number, number]>): PinPoint | null {
  const open = ring.length > 1 ? ring.slice(0, -1) : ring;
  if (open.length === 0) return null;
  const sum = open.reduce(([x, y], [lng, lat]) => [x + lng, y + lat], [0, 0]);
  return { lng: sum[0]! / open.length, lat: sum[1]! / open.length };
}
