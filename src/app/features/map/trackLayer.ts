// One round's track on the canvas: a multi-polyline (one line per segment, never across a
// gap), re-simplified when the zoom changes and cached per zoom, in the basemap's CRS.
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import type { MapCrs } from '../../../shared/map/basemap';
import { toDisplay } from '../../../shared/map/displayCoords';
import { STRIDE } from '../../../shared/map/packedTrack';
import { simplifyPackedForZoom } from '../../../shared/map/simplifyTrack';

export interface TrackInput {
  id: string;
  colour: string;
  /** The round's fixes, packed (see packedTrack.ts). */
  packed: Float64Array;
  /** Changes whenever the fixes or the round's end change: same signature, same drawing. */
  signature: string;
}

// Simplified lines outlive one visit to the map: going to a hazard's detail and back redraws
// from here. Keyed by round, signature, CRS and zoom; the oldest entries go first.
const LINES_KEPT = 400;
const simplifiedLines = new Map<string, L.LatLng[][]>();

function remember(key: string, lines: L.LatLng[][]): void {
  simplifiedLines.set(key, lines);
  if (simplifiedLines.size > LINES_KEPT) simplifiedLines.delete(simplifiedLines.keys().next().value!);
}

export class TrackLayer {
  readonly line: L.Polyline;
  readonly ends: L.CircleMarker[] = [];
  private zoom: number;

  constructor(
    readonly input: TrackInput,
    private readonly crs: MapCrs,
    renderer: L.Renderer,
    zoom: number,
  ) {
    this.zoom = Math.round(zoom);
    this.line = L.polyline(this.lines(zoom), { renderer, color: input.colour, weight: 3, opacity: 0.85 });
    const { packed } = input;
    if (packed.length) {
      const first = { lat: packed[1]!, lng: packed[2]! };
      const last = { lat: packed[packed.length - STRIDE + 1]!, lng: packed[packed.length - STRIDE + 2]! };
      // Start hollow, end filled: told apart without colour.
      this.ends.push(L.circleMarker(toDisplay(first.lat, first.lng, crs), { renderer, radius: 6, color: input.colour, weight: 3, fillColor: '#fff', fillOpacity: 1 }));
      this.ends.push(L.circleMarker(toDisplay(last.lat, last.lng, crs), { renderer, radius: 6, color: '#000', weight: 1, fillColor: input.colour, fillOpacity: 1 }));
    }
  }

  lines(zoom: number): L.LatLng[][] {
    const z = Math.round(zoom);
    const key = `${this.input.id}|${this.input.signature}|${this.crs}|${z}`;
    let lines = simplifiedLines.get(key);
    if (!lines) {
      const simplified = simplifyPackedForZoom(this.input.packed, z);
      // LatLng objects, not pairs: Leaflet keeps them as they are instead of converting each time.
      lines = simplified.map((line) => line.map(([lat, lng]) => L.latLng(this.crs === 'wgs84' ? [lat, lng] : toDisplay(lat, lng, this.crs))));
      remember(key, lines);
    }
    return lines;
  }

  /** Swaps in the simplification for `zoom`; nothing to do when it is the one drawn. */
  setZoom(zoom: number): void {
    if (Math.round(zoom) === this.zoom) return;
    this.zoom = Math.round(zoom);
    this.line.setLatLngs(this.lines(zoom));
  }

  addTo(group: L.LayerGroup): void {
    group.addLayer(this.line);
    for (const end of this.ends) group.addLayer(end);
  }

  removeFrom(group: L.LayerGroup): void {
    group.removeLayer(this.line);
    for (const end of this.ends) group.removeLayer(end);
  }

  highlight(on: boolean): void {
    this.line.setStyle({ weight: on ? 7 : 3, opacity: on ? 1 : 0.85 });
    if (on) this.line.bringToFront();
  }
}
