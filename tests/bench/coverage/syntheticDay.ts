// A synthetic patrol day for the coverage figure: 24 members in 6 teams of 4, walking together
// for 8 h at one fix per 5 s (138,240 points) among the 23 demo compounds. Seeded, so every
// run measures the same day. Each team walks 2 h rounds from gate to gate at 1.1–1.5 m/s with
// per-member GPS noise (a slowly drifting bias plus jitter), and 1 fix in 200 is a wild spike
// stored as suspect, as the fix filter would.
import type { Compound } from '../../../src/shared/domain/schemas';
import type { CoveragePoint, CoverageScan } from '../../../src/shared/tracks/coverage';
import { metresPerDegree } from '../../../src/shared/tracks/localProjection';
import { gaussian, mulberry32 } from '../../fixtures/prng';

export const MEMBERS = 24;
const TEAM_SIZE = 4;
const HOURS = 8;
const FIX_EVERY_MS = 5_000;
const ROUND_MS = 2 * 3_600_000;
const SPIKE_EVERY = 200;


export interface SyntheticDay {
  points: CoveragePoint[];
  scans: CoverageScan[];
  period: { from: number; to: number };
}

export function syntheticDay(compounds: readonly Compound[], startAt: number, seed = 20250512): SyntheticDay {
  const random = mulberry32(seed);
  // Compound gates: the middle of each ring's first edge, where patrols enter and scan.
  const gates = compounds.map((c) => {
    const [[lng0, lat0], [lng1, lat1]] = [c.polygon[0]!, c.polygon[1]!];
    return { compoundId: c.id, lat: (lat0 + lat1) / 2, lng: (lng0 + lng1) / 2 };
  });
  const scale = metresPerDegree(gates[0]!.lat);
  const fixesPerMember = (HOURS * 3_600_000) / FIX_EVERY_MS;
  const points: CoveragePoint[] = [];
  const scans: CoverageScan[] = [];

  for (let team = 0; team < MEMBERS / TEAM_SIZE; team++) {
    const teamId = `team-${team + 1}`;
    // The team's shared path: one position per fix time, walked gate to gate.
    const path: Array<{ lat: number; lng: number }> = [];
    let target = gates[Math.floor(random() * gates.length)]!;
    let here: { lat: number; lng: number } = target;
    const speed = 1.1 + random() * 0.4;
    for (let i = 0; i < fixesPerMember; i++) {
      const dx = (target.lng - here.lng) * scale.lng;
      const dy = (target.lat - here.lat) * scale.lat;
      const remaining = Math.hypot(dx, dy);
      const step = speed * (FIX_EVERY_MS / 1000);
      if (remaining <= step) {
        if (random() < 0.5) {
          scans.push({ compoundId: target.compoundId, at: startAt + i * FIX_EVERY_MS, roundId: roundOf(teamId, i), teamId });
        }
        here = target;
        target = gates[Math.floor(random() * gates.length)]!;
      } else {
        here = { lat: here.lat + (dy / remaining) * (step / scale.lat), lng: here.lng + (dx / remaining) * (step / scale.lng) };
      }
      path.push(here);
    }
    for (let member = 0; member < TEAM_SIZE; member++) {
      let biasEast = 0;
      let biasNorth = 0;
      for (let i = 0; i < fixesPerMember; i++) {
        // Urban GPS: a bias wandering a few metres over minutes, plus 3 m of jitter per fix.
        biasEast = 0.98 * biasEast + gaussian(random) * 0.8;
        biasNorth = 0.98 * biasNorth + gaussian(random) * 0.8;
        const spike = i % SPIKE_EVERY === SPIKE_EVERY - 1;
        const east = biasEast + gaussian(random) * 3 + (spike ? 150 : 0);
        const north = biasNorth + gaussian(random) * 3;
        const at = path[i]!;
        points.push({
          at: startAt + i * FIX_EVERY_MS,
          lat: at.lat + north / scale.lat,
          lng: at.lng + east / scale.lng,
          roundId: roundOf(teamId, i),
          teamId,
          ...(spike ? { suspect: true } : {}),
        });
      }
    }
  }
  return { points, scans, period: { from: startAt, to: startAt + HOURS * 3_600_000 } };
}

function roundOf(teamId: string, fixIndex: number): string {
  return `${teamId}-round-${Math.floor((fixIndex * FIX_EVERY_MS) / ROUND_MS) + 1}`;
}
