// The map bench's day: 24 members each walking 8 h at one fix per 5 s (5,760 fixes each,
// 138,240 in all) among the 23 demo compounds, with GPS noise and two or three gaps each, plus
// 300 hazards along the way. Seeded, so every run draws the same day. Rows are in the shapes
// the app's Dexie tables hold (rounds, trackBatches, hazards).
import { DEMO_COMPOUNDS } from '../../../src/server/seed/compounds';
import { STANDARD_CATEGORIES } from '../../../src/shared/domain/categories';
import { HAZARD_STATUSES, SEVERITIES } from '../../../src/shared/domain/schemas';
import type { Round, TrackBatch, TrackPoint } from '../../../src/shared/domain/rounds';
import { metresPerDegree } from '../../../src/shared/tracks/localProjection';
import { gaussian, mulberry32 } from '../../fixtures/prng';

export const MAP_MEMBERS = 24;
export const FIXES_PER_MEMBER = (8 * 3_600_000) / 5_000;
export const MAP_HAZARDS = 300;
const BATCH = 500;

export interface MapDayRows {
  rounds: Round[];
  trackBatches: TrackBatch[];
  hazards: Array<Record<string, unknown>>;
}

/** `members` are [memberId, teamId] pairs; `startAt` is when everyone sets out (epoch ms). */
export function mapDayRows(members: ReadonlyArray<readonly [string, string]>, startAt: number, seed = 20260302): MapDayRows {
  const random = mulberry32(seed);
  const gates = DEMO_COMPOUNDS.map((c) => ({ lat: (c.polygon[0]![1] + c.polygon[1]![1]) / 2, lng: (c.polygon[0]![0] + c.polygon[1]![0]) / 2 }));
  const scale = metresPerDegree(gates[0]!.lat);
  const rounds: Round[] = [];
  const trackBatches: TrackBatch[] = [];
  const allPoints: Array<{ point: TrackPoint; memberId: string; teamId: string; roundId: string }> = [];
  for (const [memberId, teamId] of members) {
    const roundId = crypto.randomUUID();
    const gapAt = new Set(Array.from({ length: 2 + Math.floor(random() * 2) }, () => Math.floor(random() * FIXES_PER_MEMBER)));
    let target = gates[Math.floor(random() * gates.length)]!;
    let here = { ...target };
    const speed = 1.0 + random() * 0.5;
    let at = startAt;
    let segment = 0;
    const points: TrackPoint[] = [];
    for (let i = 0; i < FIXES_PER_MEMBER; i++) {
      if (gapAt.has(i)) {
        // Screen off or under a roof: 3–15 min without a fix, and a new segment after it.
        at += 180_000 + Math.floor(random() * 720_000);
        segment += 1;
      }
      const dx = (target.lng - here.lng) * scale.lng;
      const dy = (target.lat - here.lat) * scale.lat;
      const remaining = Math.hypot(dx, dy);
      const step = speed * 5 * (0.7 + random() * 0.6);
      if (remaining <= step) target = gates[Math.floor(random() * gates.length)]!;
      else here = { lat: here.lat + (dy / remaining) * (step / scale.lat), lng: here.lng + (dx / remaining) * (step / scale.lng) };
      const accuracy = 4 + random() * 8;
      const point: TrackPoint = {
        at,
        lat: here.lat + (gaussian(random) * accuracy * 0.5) / scale.lat,
        lng: here.lng + (gaussian(random) * accuracy * 0.5) / scale.lng,
        accuracy: Math.round(accuracy * 10) / 10,
        segment,
      };
      points.push(point);
      allPoints.push({ point, memberId, teamId, roundId });
      at += 5_000;
    }
    rounds.push({
      id: roundId, teamId, memberIds: [memberId], startedAt: new Date(startAt - 1000).toISOString(), startedBy: memberId,
      endedAt: new Date(at).toISOString(), note: null, autoClosed: false,
    });
    for (let i = 0; i < points.length; i += BATCH) trackBatches.push({ id: crypto.randomUUID(), roundId, points: points.slice(i, i + BATCH) });
  }
  const hazards = Array.from({ length: MAP_HAZARDS }, (_, i) => {
    const { point, memberId, teamId, roundId } = allPoints[Math.floor(random() * allPoints.length)]!;
    const createdAt = new Date(point.at + 3000).toISOString();
    return {
      id: crypto.randomUUID(),
      categoryId: STANDARD_CATEGORIES[i % STANDARD_CATEGORIES.length]!.id,
      severity: SEVERITIES[Math.floor(random() * SEVERITIES.length)]!,
      description: `Bench hazard ${i}: blocked fire lane by building ${1 + (i % 12)}`,
      position: { lat: point.lat, lng: point.lng, accuracy: point.accuracy, at: new Date(point.at).toISOString() },
      compoundId: null,
      roundId,
      createdAt,
      photoIds: [],
      reporterId: memberId,
      teamId,
      status: HAZARD_STATUSES[Math.floor(random() * HAZARD_STATUSES.length)]!,
      receivedAt: createdAt,
      assignedCompanyId: null,
      assignedAt: null,
      resolvedAt: null,
      duplicateOf: null,
      updatedAt: null,
    };
  });
  return { rounds, trackBatches, hazards };
}
