// The WGS-84 box [south, west, north, east] around what a day shows: its tracks and hazards,
// else its compounds; null when there is nothing at all.
import type { LocalHazard, LocalRound } from '../../db/db';
import { packedBounds } from '../../../shared/map/packedTrack';
import type { MapDay } from './loadMapDay';

type Box = [number, number, number, number];

export function dayBounds(data: MapDay, rounds: readonly LocalRound[], hazards: readonly LocalHazard[]): Box | null {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const extend = (s: number, w: number, n: number, e: number) => {
    box[0] = Math.min(box[0], s);
    box[1] = Math.min(box[1], w);
    box[2] = Math.max(box[2], n);
    box[3] = Math.max(box[3], e);
  };
  for (const round of rounds) {
    const b = data.tracks.get(round.id) && packedBounds(data.tracks.get(round.id)!.packed);
    if (b) extend(...b);
  }
  for (const h of hazards) if (h.position) extend(h.position.lat, h.position.lng, h.position.lat, h.position.lng);
  if (box[0] === Infinity) for (const c of data.compounds) for (const [lng, lat] of c.polygon) extend(lat, lng, lat, lng);
  return box[0] === Infinity ? null : box;
}
