// The demo community's checkpoints: one at the middle of each compound's south side (its main
// gate), and a second on the north side of the compounds 120 m or more deep. Codes are what the
// printed QR holds, so they must not be guessable from the compound: each is 8 Crockford base32
// characters of SHA-256("patrol-log demo checkpoint <id>"), fixed so that tests, the README and
// printed demo sheets agree across reseeds. Real checkpoints need random codes instead.
import { createHash } from 'node:crypto';
import type { Checkpoint } from '../../shared/domain/rounds';
import type { Compound } from '../../shared/domain/schemas';
import { DEMO_COMPOUNDS } from './compounds';

const METRES_PER_DEG_LAT = 110_900;
const NORTH_GATE_FROM_DEPTH_M = 120;
/** No I, L, O or U: a code typed from a damaged QR cannot be misread as a digit. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function demoCheckpointCode(checkpointId: string): string {
  const digest = createHash('sha256').update(`patrol-log demo checkpoint ${checkpointId}`).digest();
  let code = '';
  // 8 characters × 5 bits = the first 40 bits of the digest.
  for (let i = 0; i < 8; i++) {
    const bit = i * 5;
    const pair = (digest[bit >> 3]! << 8) | digest[(bit >> 3) + 1]!;
    code += CROCKFORD[(pair >> (11 - (bit & 7))) & 31];
  }
  return code;
}

type Side = 'south' | 'north';

/** The middle of the ring's edge lying furthest to that side (rings are [lng, lat] pairs). */
function gateOn(polygon: Compound['polygon'], side: Side): { lat: number; lng: number } {
  const edges = polygon.slice(1).map((to, i) => [polygon[i]!, to] as const);
  const meanLat = ([a, b]: (typeof edges)[number]) => (a[1] + b[1]) / 2;
  const pick = edges.reduce((best, edge) => ((side === 'south' ? meanLat(edge) < meanLat(best) : meanLat(edge) > meanLat(best)) ? edge : best));
  const [[lng1, lat1], [lng2, lat2]] = pick;
  const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
  return { lat: round6((lat1 + lat2) / 2), lng: round6((lng1 + lng2) / 2) };
}

function depthM(polygon: Compound['polygon']): number {
  const lats = polygon.map(([, lat]) => lat);
  return (Math.max(...lats) - Math.min(...lats)) * METRES_PER_DEG_LAT;
}

const GATE_NAMES: Readonly<Record<Side, { zh: string; en: string }>> = {
  south: { zh: '南门', en: 'south gate' },
  north: { zh: '北门', en: 'north gate' },
};

function checkpointAt(compound: Compound, side: Side): Checkpoint {
  const id = `cp-${compound.id}-${side}`;
  return {
    id,
    compoundId: compound.id,
    name: { zh: `${compound.name.zh}${GATE_NAMES[side].zh}`, en: `${compound.name.en}, ${GATE_NAMES[side].en}` },
    ...gateOn(compound.polygon, side),
    code: demoCheckpointCode(id),
  };
}

export const DEMO_CHECKPOINTS: readonly Checkpoint[] = DEMO_COMPOUNDS.flatMap((compound) => [
  checkpointAt(compound, 'south'),
  ...(depthM(compound.polygon) >= NORTH_GATE_FROM_DEPTH_M ? [checkpointAt(compound, 'north')] : []),
]);
