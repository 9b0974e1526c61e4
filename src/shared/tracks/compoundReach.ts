// "Did this fix touch the compound?": inside its polygon or within a reach (20 m) of its edge.
// Each compound is prepared once: a bounding box grown by the reach (the cheap prefilter that
// rejects almost every point) and its ring projected to metres around its own centre.
// Must hold: the grown box contains every point within reach, so the prefilter never drops a visit.
import type { Compound, Ring } from '../domain/schemas';
import { pointInRing } from '../geo/pointInPolygon';
import { metresPerDegree } from './localProjection';

/** How close a fix must come to a compound's edge to count as a visit, metres. */
export const VISIT_REACH_M = 20;

export interface CompoundReach {
  compoundId: string;
  ring: Ring;
  /** Bounding box in degrees, grown by the reach. */
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
  /** Projection origin and scale (metres per degree), and the ring's vertices in metres. */
  originLat: number;
  originLng: number;
  metresPerLat: number;
  metresPerLng: number;
  xs: Float64Array;
  ys: Float64Array;
  reachSquared: number;
}

export function prepareReach(compound: Pick<Compound, 'id' | 'polygon'>, reachM: number = VISIT_REACH_M): CompoundReach {
  const ring = compound.polygon;
  if (ring.length < 3) throw new Error(`compound ${compound.id}: a ring needs at least 3 vertices, got ${ring.length}`);
  let minLat = Infinity, maxLat = -Infinity, minLng = Infinity, maxLng = -Infinity;
  for (const [lng, lat] of ring) {
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
    minLng = Math.min(minLng, lng);
    maxLng = Math.max(maxLng, lng);
  }
  const originLat = (minLat + maxLat) / 2;
  const originLng = (minLng + maxLng) / 2;
  // Scale at the box's edge nearest a pole, where a degree of longitude is shortest, so the
  // grown box is never too small on that side.
  const poleward = metresPerDegree(Math.abs(minLat) > Math.abs(maxLat) ? minLat : maxLat);
  const scale = metresPerDegree(originLat);
  const dLat = reachM / scale.lat;
  const dLng = reachM / poleward.lng;
  const xs = new Float64Array(ring.length);
  const ys = new Float64Array(ring.length);
  ring.forEach(([lng, lat], i) => {
    xs[i] = (lng - originLng) * scale.lng;
    ys[i] = (lat - originLat) * scale.lat;
  });
  return {
    compoundId: compound.id,
    ring,
    minLat: minLat - dLat,
    maxLat: maxLat + dLat,
    minLng: minLng - dLng,
    maxLng: maxLng + dLng,
    originLat,
    originLng,
    metresPerLat: scale.lat,
    metresPerLng: scale.lng,
    xs,
    ys,
    reachSquared: reachM * reachM,
  };
}

/** True when the position is inside the ring or within the reach of one of its edges. */
export function withinReach(reach: CompoundReach, lat: number, lng: number): boolean {
  if (lat < reach.minLat || lat > reach.maxLat || lng < reach.minLng || lng > reach.maxLng) return false;
  if (pointInRing(lng, lat, reach.ring)) return true;
  const px = (lng - reach.originLng) * reach.metresPerLng;
  const py = (lat - reach.originLat) * reach.metresPerLat;
  const { xs, ys } = reach;
  for (let i = 0, j = xs.length - 1; i < xs.length; j = i++) {
    if (squaredDistanceToEdge(px, py, xs[j]!, ys[j]!, xs[i]!, ys[i]!) <= reach.reachSquared) return true;
  }
  return false;
}

function squaredDistanceToEdge(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  // Project onto the edge and clamp to its ends; a zero-length edge (the closing vertex) is a point.
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}
