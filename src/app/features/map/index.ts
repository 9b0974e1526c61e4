// The map feature's public surface for other features (features/README.md): the small pin map
// a hazard's detail and the place-on-map form use (Leaflet loads lazily inside it); the basemap
// to draw, and its layers for other features' maps (a loader: Leaflet stays out of eager chunks).
export { PinMapView } from './PinMapView';
export { compoundOutlines, ringCentre } from './pinOutlines';
export type { PinPoint } from './pinMap';
export { useBasemap } from './useBasemap';
export const loadBasemapLayers = () => import('./basemapLayers').then((m) => m.addBasemapLayers);
