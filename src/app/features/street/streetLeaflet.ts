// The street map's Leaflet side, loaded only when the Map view opens (Leaflet's chunk is shared
// with the other maps). It places what streetMapLayers worked out, already in display
// coordinates: outlines on canvas, hazards as 48 px buttons (a dot inside, a ring when overdue).
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import 'leaflet/dist/leaflet.css';
import type { BasemapConfig } from '../../../shared/map/basemap';
import type { Box, StreetMapLayers } from './streetMapLayers';

export interface StreetLeafletOptions {
  basemap: BasemapConfig;
  /** The map feature's basemap layers (loaded with it), so every map draws tiles one way. */
  addBasemapLayers: (map: L.Map, basemap: BasemapConfig, onTiles?: (state: 'ok' | 'error') => void) => void;
  zoomTitles: { in: string; out: string };
  onSelect: (hazardId: string) => void;
  onTiles: (state: 'ok' | 'error') => void;
}

// Chengdu: where the map starts before it knows better (as the other maps do).
const HOME: L.LatLngTuple = [30.69, 104.06];

export class StreetLeaflet {
  private readonly map: L.Map;
  private readonly renderer = L.canvas({ padding: 0.3 });
  private readonly drawn = L.layerGroup();
  private readonly markers = new Map<string, L.Marker>();

  constructor(container: HTMLElement, private readonly options: StreetLeafletOptions) {
    const { basemap } = options;
    this.map = L.map(container, { zoomControl: false, attributionControl: false, maxZoom: basemap.maxZoom, scrollWheelZoom: false });
    // Leaflet's own titles are English; these name the buttons in the person's language.
    L.control.zoom({ zoomInTitle: options.zoomTitles.in, zoomOutTitle: options.zoomTitles.out }).addTo(this.map);
    this.map.setView(HOME, 14);
    options.addBasemapLayers(this.map, basemap, options.onTiles);
    this.drawn.addTo(this.map);
  }

  draw(layers: StreetMapLayers, label: (hazardId: string) => string): void {
    this.drawn.clearLayers();
    this.markers.clear();
    for (const community of layers.communities) {
      for (const ring of community.rings) {
        this.drawn.addLayer(L.polygon(ring, { renderer: this.renderer, color: community.colour, weight: 2.5, fillColor: community.colour, fillOpacity: 0.1, interactive: false }));
      }
    }
    for (const dot of layers.dots) {
      const html = `<span class="street-dot__fill${dot.overdue ? ' street-dot__fill--overdue' : ''}" style="background:${dot.fill}"></span>`;
      const icon = L.divIcon({ className: 'street-dot', iconSize: [48, 48], html });
      const marker = L.marker(dot.at, { icon, keyboard: true, title: label(dot.id), riseOnHover: true });
      marker.on('add', () => {
        const element = marker.getElement();
        element?.setAttribute('role', 'button');
        element?.setAttribute('aria-label', label(dot.id));
      });
      marker.on('click', () => this.options.onSelect(dot.id));
      marker.on('keypress', (e: L.LeafletKeyboardEvent) => (e.originalEvent.key === 'Enter' || e.originalEvent.key === ' ') && this.options.onSelect(dot.id));
      this.markers.set(dot.id, marker);
      this.drawn.addLayer(marker);
    }
  }

  select(hazardId: string | null): void {
    for (const [id, marker] of this.markers) marker.getElement()?.classList.toggle('is-selected', id === hazardId);
  }

  fitTo(box: Box | null, animate = false): void {
    if (!box) return;
    this.map.fitBounds(L.latLngBounds([box[0], box[1]], [box[2], box[3]]), { maxZoom: 17, padding: [24, 24], animate });
  }

  destroy(): void {
    this.map.remove();
  }
}
