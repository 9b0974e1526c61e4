// The tiles covering the patrol area at a few zoom levels, for a provider that permits saving
// them ahead (never OSM: its tile usage policy forbids bulk downloads). Web Mercator XYZ.
import type { BasemapConfig } from './basemap';

export interface Bounds {
  south: number;
  west: number;
  north: number;
  east: number;
}

function tileX(lng: number, z: number): number {
  return Math.floor(((lng + 180) / 360) * 2 ** z);
}

function tileY(lat: number, z: number): number {
  const rad = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z);
}

/** Tile URLs for `bounds` (already in the provider's CRS) at each zoom; [] if not permitted. */
export function areaTileUrls(config: BasemapConfig, bounds: Bounds, zooms: readonly number[], max = 3000): string[] {
  if (!config.allowPrefetch) return [];
  const urls: string[] = [];
  const subs = config.subdomains || 'a';
  for (const template of [config.tileUrl, config.labelUrl]) {
    if (template === null) continue;
    for (const z of zooms) {
      for (let x = tileX(bounds.west, z); x <= tileX(bounds.east, z); x++) {
        for (let y = tileY(bounds.north, z); y <= tileY(bounds.south, z); y++) {
          const s = subs[(x + y) % subs.length]!;
          urls.push(template.replace('{s}', s).replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y)).replace('{r}', ''));
          if (urls.length >= max) return urls;
        }
      }
    }
  }
  return urls;
}
