// Render-time coordinate shifts. Stored positions are WGS-84; a GCJ-02 basemap (AMap, Tencent)
// draws the same street about 500 m away in Chengdu, so every coordinate drawn on it is shifted
// here, and every click on it is shifted back before use. Nothing here writes anything.
import gcoord from 'gcoord';
import type { MapCrs } from './basemap';

export type LatLngPair = [lat: number, lng: number];

/** A WGS-84 position as the basemap draws it. */
export function toDisplay(lat: number, lng: number, crs: MapCrs): LatLngPair {
  if (crs === 'wgs84') return [lat, lng];
  const [x, y] = gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02);
  return [y, x];
}

/** A position picked on the basemap, back in WGS-84 for storage. */
export function fromDisplay(lat: number, lng: number, crs: MapCrs): LatLngPair {
  if (crs === 'wgs84') return [lat, lng];
  const [x, y] = gcoord.transform([lng, lat], gcoord.GCJ02, gcoord.WGS84);
  return [y, x];
}
