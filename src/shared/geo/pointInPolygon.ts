// Point-in-polygon for compound rings in [lng, lat] order, by ray casting. Planar maths is
// exact enough at compound scale (a few hundred metres).
import type { Compound, Ring } from '../domain/schemas';

export function pointInRing(lng: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    const crosses = yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi;
    if (crosses) inside = !inside;
  }
  return inside;
}

/** The compound whose polygon holds the point, or null when it is in none. */
export function findCompound<C extends Pick<Compound, 'polygon'>>(
  lng: number,
  lat: number,
  compounds: readonly C[],
): C | null {
  return compounds.find((c) => pointInRing(lng, lat, c.polygon)) ?? null;
}
