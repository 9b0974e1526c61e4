// A small Leaflet map with one hazard pin and compound outlines: the hazard detail's position
// (fixed pin) and the "place it on the map" picker (draggable pin, tap to move, arrow keys to
// nudge). It shares Leaflet's lazy chunk with the route map and never loads on the capture path.
// Inputs and outputs are WGS-84; the basemap's CRS (GCJ-02 for AMap) is applied here only, both
// ways: the pin is drawn in display coordinates and a dropped pin is shifted back before use.
// Without tiles (provider none, or offline) the outlines and the pin still draw on a plain ground.
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import 'leaflet/dist/leaflet.css';
import './map.css';
import type { BasemapConfig } from '../../../shared/map/basemap';
import { addBasemapLayers } from './basemapLayers';
import { fromDisplay, toDisplay } from '../../../shared/map/displayCoords';

export interface PinOutline { id: string; name: string; ring: ReadonlyArray<readonly [number, number]>; highlight: boolean }
export interface PinPoint { lat: number; lng: number }

export interface PinMapOptions {
  basemap: BasemapConfig;
  outlines: readonly PinOutline[];
  /** Where the pin is, WGS-84; null draws no pin (a hazard with no position, not being placed). */
  pin: PinPoint | null;
  /** Where to look when there is no pin (e.g. the hazard's compound), WGS-84. */
  centre: PinPoint | null;
  /** The pin's accessible name. */
  pinLabel: string;
  /** Given: the pin can be dragged, the map tapped and the pin nudged with arrow keys. */
  onMove?: (point: PinPoint) => void;
  onTiles?: (state: 'ok' | 'error') => void;
}

// Chengdu: where the map starts before it knows better (as the route map does).
const HOME: PinPoint = { lat: 30.69, lng: 104.06 };
export const START_ZOOM = 17;
/** One arrow-key press moves the pin this many screen pixels (a few metres at zoom 18). */
const NUDGE_PX = 8;

export class PinMap {
  private readonly map: L.Map;

  constructor(container: HTMLElement, private readonly options: PinMapOptions) {
    const { basemap, outlines, pin, centre, onMove } = options;
    const crs = basemap.crs;
    const show = (p: PinPoint): L.LatLngTuple => toDisplay(p.lat, p.lng, crs);
    // A fixed pin (the detail) is a picture: no panning or zooming that would trap a scrolling thumb.
    const still = !onMove;
    this.map = L.map(container, {
      zoomControl: !still,
      attributionControl: false,
      maxZoom: basemap.maxZoom,
      scrollWheelZoom: false,
      dragging: !still,
      touchZoom: !still,
      doubleClickZoom: !still,
      boxZoom: false,
      keyboard: !still,
    });
    addBasemapLayers(this.map, basemap, (state) => options.onTiles?.(state));
    for (const outline of outlines) {
      const ring = outline.ring.map(([lng, lat]) => show({ lat, lng }));
      const polygon = L.polygon(ring, {
        color: outline.highlight ? '#0d47a1' : '#555',
        weight: outline.highlight ? 3 : 1.5,
        fillColor: outline.highlight ? '#1a73e8' : '#888',
        fillOpacity: outline.highlight ? 0.15 : 0.06,
        interactive: false,
      });
      // Names only on the picker (the detail's text line names the compound), and under the pin
      // (shadowPane sits below markerPane): a label must never hide where the hazard is.
      if (onMove) {
        const label = document.createElement('span');
        label.textContent = outline.name;
        polygon.bindTooltip(label, { permanent: true, direction: 'center', className: 'compound-label', interactive: false, pane: 'shadowPane' });
      }
      polygon.addTo(this.map);
    }
    const start = pin ?? centre ?? HOME;
    // Zoom 17 (about 1 m a pixel): the compound and its neighbours' edges in view, fine enough
    // for a finger; the picker's + button goes closer.
    this.map.setView(show(start), Math.min(START_ZOOM, basemap.maxZoom), { animate: false });
    // A picker always has a pin to drag: at the guess it starts from.
    if (!pin && !onMove) return;

    const icon = L.divIcon({ className: 'pin-marker', iconSize: [48, 48], iconAnchor: [24, 44], html: '<span class="pin-marker__head"></span>' });
    const marker = L.marker(show(start), { icon, draggable: Boolean(onMove), keyboard: Boolean(onMove), title: options.pinLabel, alt: options.pinLabel, autoPan: true });
    marker.on('add', () => {
      const element = marker.getElement();
      element?.setAttribute('aria-label', options.pinLabel);
      if (onMove) element?.setAttribute('role', 'button');
      else element?.removeAttribute('tabindex');
    });
    marker.addTo(this.map);
    if (!onMove) return;

    const moved = () => {
      const at = marker.getLatLng();
      const [lat, lng] = fromDisplay(at.lat, at.lng, crs);
      onMove({ lat, lng });
    };
    marker.on('dragend', moved);
    this.map.on('click', (e: L.LeafletMouseEvent) => {
      marker.setLatLng(e.latlng);
      moved();
    });
    marker.getElement()?.addEventListener('keydown', (e: KeyboardEvent) => {
      const step = { ArrowUp: [0, -NUDGE_PX], ArrowDown: [0, NUDGE_PX], ArrowLeft: [-NUDGE_PX, 0], ArrowRight: [NUDGE_PX, 0] }[e.key];
      if (!step) return;
      e.preventDefault();
      e.stopPropagation();
      const point = this.map.latLngToContainerPoint(marker.getLatLng()).add(L.point(step[0]!, step[1]!));
      marker.setLatLng(this.map.containerPointToLatLng(point));
      moved();
    });
  }

  destroy(): void {
    this.map.remove();
  }
}
