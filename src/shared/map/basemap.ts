// The basemap a server configures and the app pulls: which tiles to draw under the tracks and in
// which coordinate system they are drawn. Stored data is WGS-84 always; `crs` only says how to
// shift coordinates at render time (GCJ-02 for Chinese providers such as AMap).
import * as z from 'zod/mini';

export const BASEMAP_PROVIDERS = ['osm', 'amap', 'tianditu', 'none', 'custom'] as const;
export type BasemapProvider = (typeof BASEMAP_PROVIDERS)[number];

export const MAP_CRS = ['wgs84', 'gcj02'] as const;
export type MapCrs = (typeof MAP_CRS)[number];

/** A tile URL template: https, or a path on the app's own origin. Leaflet placeholders only. */
const tileTemplate = z.string().check(
  z.maxLength(500),
  z.refine((url) => /^(https:\/\/[a-z0-9.{}-]+(:[0-9]{1,5})?\/|\/[^/])/.test(url) && url.includes('{z}'), {
    message: 'tile URL must be https:// or a same-origin path, with {z}, {x}, {y}',
  }),
);

export const basemapConfigSchema = z.object({
  provider: z.enum(BASEMAP_PROVIDERS),
  /** null for provider 'none'. */
  tileUrl: z.nullable(tileTemplate),
  /** A second, transparent layer drawn on top (Tianditu's labels), or null. */
  labelUrl: z.nullable(tileTemplate),
  /** Characters substituted for {s}, e.g. "abc"; '' when the template has none. */
  subdomains: z.string().check(z.maxLength(16)),
  crs: z.enum(MAP_CRS),
  /** Plain text, shown as text: the provider's required credit. */
  attribution: z.string().check(z.maxLength(300)),
  maxZoom: z.number().check(z.int(), z.gte(1), z.lte(22)),
  /** True only for a provider whose terms allow fetching the patrol area ahead (never OSM). */
  allowPrefetch: z.boolean(),
});
export type BasemapConfig = z.infer<typeof basemapConfigSchema>;

export const OSM_ATTRIBUTION = '© OpenStreetMap contributors';

/** What the app uses before it has pulled a config: OSM, the default, no prefetch. */
export const DEFAULT_BASEMAP: BasemapConfig = {
  provider: 'osm',
  tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  labelUrl: null,
  subdomains: '',
  crs: 'wgs84',
  attribution: OSM_ATTRIBUTION,
  maxZoom: 19,
  allowPrefetch: false,
};

/** The https origins a template's tiles come from ({s} expanded), for the CSP and the SW rule. */
export function tileOrigins(config: Pick<BasemapConfig, 'tileUrl' | 'labelUrl' | 'subdomains'>): string[] {
  const origins = new Set<string>();
  for (const template of [config.tileUrl, config.labelUrl]) {
    if (template === null || !template.startsWith('https://')) continue;
    const host = template.slice(0, template.indexOf('/', 'https://'.length));
    const subs = host.includes('{s}') ? [...config.subdomains] : [''];
    for (const s of subs) origins.add(host.replace('{s}', s));
  }
  return [...origins];
}
