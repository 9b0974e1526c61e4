// The basemap's tile layers (and a label layer where the provider has one), as every map of the
// app adds them: the route map and the small pin maps.
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import type { BasemapConfig } from '../../../shared/map/basemap';

// Attribution is plain text from the server config; Leaflet would insert it as HTML.
const escapeText = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function addBasemapLayers(map: L.Map, basemap: BasemapConfig, onTiles?: (state: 'ok' | 'error') => void): void {
  L.control.attribution({ prefix: false }).addTo(map);
  for (const url of [basemap.tileUrl, basemap.labelUrl]) {
    if (url === null) continue;
    const layer = L.tileLayer(url, {
      subdomains: basemap.subdomains || 'abc',
      maxZoom: basemap.maxZoom,
      attribution: url === basemap.tileUrl ? escapeText(basemap.attribution) : '',
      // CORS where the provider is known to allow it: the service worker then caches real
      // responses, not opaque ones (which the browser counts as megabytes of quota each).
      crossOrigin: basemap.provider === 'osm' || basemap.provider === 'custom',
    });
    layer.on('tileerror', () => onTiles?.('error'));
    layer.on('tileload', () => onTiles?.('ok'));
    layer.addTo(map);
  }
}
