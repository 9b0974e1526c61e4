// Duplicate hints: which hazards already logged are probably the one a member is about to log.
// Same category, still open or assigned, within 40 m of the new position (GPS on cheap phones
// is often 10–20 m off, and one blocked exit is reported from both ends of a corridor).
import { haversineMetres, type LatLng } from '../tracks/haversine';
import type { Hazard } from '../domain/schemas';

export const DUPLICATE_RADIUS_M = 40;
const OPEN_STATUSES: ReadonlySet<Hazard['status']> = new Set(['open', 'assigned']);

type Candidate = Pick<Hazard, 'id' | 'categoryId' | 'status' | 'position'>;

export interface PossibleDuplicate<H extends Candidate> {
  hazard: H;
  distanceM: number;
}

/** Nearest first. `excludeId` is the hazard being written, once it is stored too. */
export function possibleDuplicates<H extends Candidate>(
  hazards: readonly H[],
  wanted: { categoryId: string; position: LatLng | null; excludeId?: string },
  radiusM = DUPLICATE_RADIUS_M,
): PossibleDuplicate<H>[] {
  const { position } = wanted;
  if (!position || !wanted.categoryId) return [];
  const found: PossibleDuplicate<H>[] = [];
  for (const hazard of hazards) {
    if (hazard.id === wanted.excludeId || hazard.categoryId !== wanted.categoryId) continue;
    if (!OPEN_STATUSES.has(hazard.status) || !hazard.position) continue;
    const distanceM = haversineMetres(position, hazard.position);
    if (distanceM <= radiusM) found.push({ hazard, distanceM });
  }
  return found.sort((a, b) => a.distanceM - b.distanceM);
}
