// The Leaflet map behind the map screen, loaded only when it opens (with Leaflet and its CSS).
// Canvas renders every path and circle; hazards are the only DOM markers (at most a few hundred,
// and each is a focusable button). Inputs are WGS-84; the basemap's CRS is applied here only.
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import 'leaflet/dist/leaflet.css';
import './map.css';
import type { BasemapConfig } from '../../../shared/map/basemap';
import { addBasemapLayers } from './basemapLayers';
import { toDisplay } from '../../../shared/map/displayCoords';
import { TrackLayer, type TrackInput } from './trackLayer';
import { unmountPhotoStrips } from '../../photos/ui/mountPhotoStrip';

export interface CompoundInput { id: string; name: string; ring: ReadonlyArray<readonly [number, number]> }
export interface PointInput { id: string; lat: number; lng: number; colour: string; label: string; dim?: boolean }
export interface HazardInput {
  id: string;
  lat: number;
  lng: number;
  severity: string;
  status: string;
  label: string;
  popup: () => HTMLElement;
}

export interface RouteMapEvents {
  onSelect: (key: string) => void;
  /** 'error' after a tile failed to load (offline and not cached), 'ok' after one loaded. */
  onTiles: (state: 'ok' | 'error') => void;
}

// Chengdu, Jinniu district: where the map starts before it knows better.
const HOME: L.LatLngTuple = [30.69, 104.06];

export class RouteMap {
  private readonly map: L.Map;
  private readonly renderer = L.canvas({ padding: 0.3, tolerance: 6 });
  private readonly compoundLayer = L.layerGroup();
  private readonly trackGroup = L.layerGroup();
  private readonly scanGroup = L.layerGroup();
  private readonly hazardGroup = L.layerGroup();
  private readonly positionGroup = L.layerGroup();
  private readonly tracks = new Map<string, TrackLayer>();
  private readonly hazards = new Map<string, L.Marker>();
  private selected: string | null = null;

  constructor(container: HTMLElement, private readonly basemap: BasemapConfig, private readonly events: RouteMapEvents) {
    this.map = L.map(container, { preferCanvas: true, renderer: this.renderer, zoomControl: true, attributionControl: false, maxZoom: basemap.maxZoom });
    this.map.setView(HOME, 15);
    addBasemapLayers(this.map, basemap, (state) => events.onTiles(state));
    for (const group of [this.compoundLayer, this.trackGroup, this.scanGroup, this.hazardGroup, this.positionGroup]) group.addTo(this.map);
    this.map.on('zoomend', () => {
      const zoom = this.map.getZoom();
      for (const track of this.tracks.values()) if (this.trackGroup.hasLayer(track.line)) track.setZoom(zoom);
    });
  }

  private display(lat: number, lng: number): L.LatLngTuple {
    return toDisplay(lat, lng, this.basemap.crs);
  }

  setCompounds(compounds: readonly CompoundInput[]): void {
    this.compoundLayer.clearLayers();
    for (const compound of compounds) {
      const ring = compound.ring.map(([lng, lat]) => this.display(lat, lng));
      const polygon = L.polygon(ring, { renderer: this.renderer, color: '#555', weight: 1.5, fillColor: '#888', fillOpacity: 0.08, interactive: false });
      const label = document.createElement('span');
      label.textContent = compound.name;
      polygon.bindTooltip(label, { permanent: true, direction: 'center', className: 'compound-label', interactive: false });
      this.compoundLayer.addLayer(polygon);
    }
  }

  /**
   * Tracks are built once per round (and signature) and kept while the screen lives: a filter
   * change only adds and removes layers, it never re-simplifies a track it has drawn before.
   */
  setTracks(inputs: readonly TrackInput[]): void {
    const wanted = new Set(inputs.map((t) => t.id));
    for (const [id, track] of this.tracks) {
      if (!wanted.has(id) && this.trackGroup.hasLayer(track.line)) track.removeFrom(this.trackGroup);
    }
    const zoom = this.map.getZoom();
    for (const input of inputs) {
      let track = this.tracks.get(input.id);
      if (track && (track.input.signature !== input.signature || track.input.colour !== input.colour)) {
        track.removeFrom(this.trackGroup);
        track = undefined;
      }
      if (!track) {
        track = new TrackLayer(input, this.basemap.crs, this.renderer, zoom);
        track.line.on('click', () => this.events.onSelect(`round:${input.id}`));
        this.tracks.set(input.id, track);
      } else track.setZoom(zoom);
      if (!this.trackGroup.hasLayer(track.line)) track.addTo(this.trackGroup);
    }
    this.applySelection();
  }

  /** Sets the view to WGS-84 bounds [south, west, north, east] before anything is drawn. */
  fitTo(bounds: readonly [number, number, number, number]): void {
    const [s, w, n, e] = bounds;
    this.map.fitBounds(L.latLngBounds(this.display(s, w), this.display(n, e)), { maxZoom: 17, padding: [16, 16], animate: false });
  }

  setScans(scans: readonly PointInput[]): void {
    this.scanGroup.clearLayers();
    for (const scan of scans) {
      // A small square-looking marker (thin ring, white fill) tells scans from track ends.
      const marker = L.circleMarker(this.display(scan.lat, scan.lng), { renderer: this.renderer, radius: 4, color: scan.colour, weight: 3, fillColor: '#fff', fillOpacity: 1, dashArray: '2 2' });
      this.scanGroup.addLayer(marker);
    }
  }

  /** Markers, like tracks, are built once per hazard (and look) and kept across filter changes. */
  setHazards(inputs: readonly HazardInput[]): void {
    const wanted = new Set(inputs.map((h) => h.id));
    for (const [id, marker] of this.hazards) if (!wanted.has(id) && this.hazardGroup.hasLayer(marker)) this.hazardGroup.removeLayer(marker);
    for (const input of inputs) {
      const look = `${input.severity} ${input.status} ${input.label} ${input.lat} ${input.lng}`;
      let marker = this.hazards.get(input.id);
      if (marker && marker.options.alt !== look) {
        this.hazardGroup.removeLayer(marker);
        marker = undefined;
      }
      if (!marker) {
        const icon = L.divIcon({ className: `hazard-marker sev-${input.severity} st-${input.status}`, iconSize: [26, 26], html: '' });
        const built = L.marker(this.display(input.lat, input.lng), { icon, title: input.label, alt: look, keyboard: true, riseOnHover: true });
        built.on('click', () => this.events.onSelect(`hazard:${input.id}`));
        built.on('add', () => built.getElement()?.setAttribute('aria-label', input.label));
        marker = built;
        this.hazards.set(input.id, marker);
      }
      // The popup is rebuilt from the latest input (its text follows the language and edits).
      marker.unbindPopup().bindPopup(() => input.popup(), { maxWidth: 280 });
      marker.off('popupclose').on('popupclose', (e) => unmountPhotoStrips(e.popup.getElement()));
      if (!this.hazardGroup.hasLayer(marker)) this.hazardGroup.addLayer(marker);
    }
    this.applySelection();
  }

  /** Replay: each walker's position at the slider's time; a dimmed ring inside a gap. */
  setPositions(positions: readonly PointInput[]): void {
    this.positionGroup.clearLayers();
    for (const p of positions) {
      this.positionGroup.addLayer(
        L.circleMarker(this.display(p.lat, p.lng), { renderer: this.renderer, radius: 9, color: '#000', weight: 2, fillColor: p.colour, fillOpacity: p.dim ? 0.25 : 1, dashArray: p.dim ? '3 3' : undefined }),
      );
    }
  }

  select(key: string | null, reveal: boolean): void {
    this.selected = key;
    this.applySelection();
    if (!reveal || key === null) return;
    const [kind, id] = key.split(':') as [string, string];
    if (kind === 'hazard') {
      const marker = this.hazards.get(id);
      if (marker) {
        this.map.panTo(marker.getLatLng());
        marker.openPopup();
      }
    } else {
      const track = this.tracks.get(id);
      if (track && track.input.packed.length) this.map.fitBounds(track.line.getBounds(), { maxZoom: 17, padding: [24, 24] });
    }
  }

  private applySelection(): void {
    for (const [id, track] of this.tracks) if (this.trackGroup.hasLayer(track.line)) track.highlight(this.selected === `round:${id}`);
    for (const [id, marker] of this.hazards) marker.getElement()?.classList.toggle('is-selected', this.selected === `hazard:${id}`);
  }

  /** Resolves once the canvas has drawn the current layers (Leaflet redraws on the next frame). */
  painted(): Promise<void> {
    return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  }

  destroy(): void {
    this.map.remove();
  }
}
