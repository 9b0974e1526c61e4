// A local equirectangular projection: degrees to metres around one latitude. Good to well under
// a metre across a compound (a few hundred metres); never use it across a city.
import { EARTH_RADIUS_M } from './haversine';

const METRES_PER_DEGREE = (EARTH_RADIUS_M * Math.PI) / 180;

export interface MetresPerDegree {
  lat: number;
  lng: number;
}

/** Metres per degree of latitude and of longitude near `lat`. */
export function metresPerDegree(lat: number): MetresPerDegree {
  return { lat: METRES_PER_DEGREE, lng: METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180) };
}
