// The map feature's public surface for other features (features/README.md): the small pin map
// a hazard's detail and the place-on-map form use (Leaflet loads lazily inside it).
export { PinMapView } from './PinMapView';
export { compoundOutlines, ringCentre } from './pinOutlines';
export type { PinPoint } from './pinMap';
