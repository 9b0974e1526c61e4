// Great-circle distance between two WGS-84 positions. Haversine on a sphere of the mean Earth
// radius: within 0.5 % of the ellipsoid, far inside GPS error at walking scale.
export interface LatLng {
  lat: number;
  lng: number;
}

/** Mean Earth radius (IUGG), metres. Shared with the local projection so both agree. */
export const EARTH_RADIUS_M = 6_371_008.8;

const RADIANS = Math.PI / 180;

export function haversineMetres(a: LatLng, b: LatLng): number {
  const dLat = (b.lat - a.lat) * RADIANS;
  const dLng = (b.lng - a.lng) * RADIANS;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RADIANS) * Math.cos(b.lat * RADIANS) * Math.sin(dLng / 2) ** 2;
  // min() guards asin against rounding just above 1 for antipodal points.
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
