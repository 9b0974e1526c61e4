// The basemap from the environment, checked at start so a typo stops the server instead of
// leaving leads with a grey map. MAP_PROVIDER: osm (default) | amap | tianditu | none | custom.
//   MAP_TIANDITU_KEY   required for tianditu (the key is public by design: it rides in tile URLs)
//   MAP_TILE_URL       custom template, https://… or a same-origin path, with {z} {x} {y} [{s}]
//   MAP_TILE_CRS       custom: wgs84 (default) | gcj02
//   MAP_TILE_SUBDOMAINS, MAP_TILE_ATTRIBUTION, MAP_TILE_MAX_ZOOM   custom only
//   MAP_ALLOW_PREFETCH 1 lets the app save the patrol area ahead; custom only (OSM's tile usage
//                      policy forbids bulk downloads; commercial providers' terms do too)
import { basemapConfigSchema, BASEMAP_PROVIDERS, DEFAULT_BASEMAP, tileOrigins, type BasemapConfig } from '../../shared/map/basemap';
import type { CspSources } from '../http/securityHeaders';

type Env = Record<string, string | undefined>;

function provider(raw: string | undefined): BasemapConfig['provider'] {
  const value = (raw ?? '').trim() || 'osm';
  const known = BASEMAP_PROVIDERS.find((p) => p === value);
  if (!known) throw new Error(`MAP_PROVIDER must be one of ${BASEMAP_PROVIDERS.join(', ')}, got ${JSON.stringify(raw)}`);
  return known;
}

function build(env: Env): BasemapConfig {
  const none = { ...DEFAULT_BASEMAP, provider: 'none' as const, tileUrl: null, attribution: '' };
  switch (provider(env.MAP_PROVIDER)) {
    case 'osm':
      return DEFAULT_BASEMAP;
    case 'none':
      return none;
    case 'amap':
      return {
        ...none,
        provider: 'amap',
        tileUrl: 'https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}',
        subdomains: '1234',
        crs: 'gcj02',
        attribution: '© 高德地图 AutoNavi',
        maxZoom: 18,
      };
    case 'tianditu': {
      const key = env.MAP_TIANDITU_KEY?.trim();
      if (!key || !/^[0-9a-f]{16,64}$/i.test(key)) throw new Error('MAP_PROVIDER=tianditu needs MAP_TIANDITU_KEY (hex)');
      const layer = (name: string) =>
        `https://t{s}.tianditu.gov.cn/${name}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${name}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${key}`;
      return { ...none, provider: 'tianditu', tileUrl: layer('vec'), labelUrl: layer('cva'), subdomains: '01234567', attribution: '© 天地图 Tianditu', maxZoom: 18 };
    }
    case 'custom':
      return {
        ...none,
        provider: 'custom',
        tileUrl: env.MAP_TILE_URL ?? '',
        subdomains: env.MAP_TILE_SUBDOMAINS ?? '',
        crs: env.MAP_TILE_CRS === 'gcj02' ? 'gcj02' : env.MAP_TILE_CRS === undefined || env.MAP_TILE_CRS === 'wgs84' ? 'wgs84' : (() => {
          throw new Error(`MAP_TILE_CRS must be wgs84 or gcj02, got ${JSON.stringify(env.MAP_TILE_CRS)}`);
        })(),
        attribution: env.MAP_TILE_ATTRIBUTION ?? '',
        maxZoom: Number(env.MAP_TILE_MAX_ZOOM ?? 19),
        allowPrefetch: env.MAP_ALLOW_PREFETCH === '1',
      };
  }
}

/** The configured basemap; throws with the bad value when the environment is wrong. */
export function mapConfigFromEnv(env: Env): BasemapConfig {
  const parsed = basemapConfigSchema.safeParse(build(env));
  if (!parsed.success) throw new Error(`map configuration is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** The tile hosts the CSP must let images (and the service worker's fetches) come from. */
export function mapCspSources(config: BasemapConfig): CspSources {
  const hosts = tileOrigins(config);
  return { imgHosts: hosts, connectHosts: hosts };
}
