// A synthetic report week for the weeklyReport figure: 10,000 hazards found in 2026-W47 by two
// teams across the 23 demo compounds (most assigned, many resolved, some still open), plus a
// week of rounds: each team walks three 2 h rounds a day at one fix per 5 s (60,480 fixes).
// Seeded, so every run measures the same week; plain data, so Node and Chromium build the same.
import { DEMO_COMPOUNDS } from '../../../src/server/seed/compounds';
import { DEMO_PROPERTY_COMPANIES, DEMO_TEAMS } from '../../../src/server/seed/demoCommunity';
import { STANDARD_CATEGORIES } from '../../../src/shared/domain/categories';
import { SEVERITIES, type Hazard } from '../../../src/shared/domain/schemas';
import type { TrackPoint } from '../../../src/shared/domain/rounds';
import { assembleInput } from '../../../src/shared/report/assembleInput';
import { parseIsoWeek, weekRange } from '../../../src/shared/report/isoWeek';
import type { ReportInput } from '../../../src/shared/report/reportInput';
import { mulberry32 } from '../../fixtures/prng';

export const BENCH_WEEK = '2026-W47';
export const BENCH_ZONE = 'Asia/Shanghai';
export const HAZARDS = 10_000;
const HOUR = 3_600_000;
const DESCRIPTIONS = ['楼道堆放杂物，堵塞消防通道', '电动车在楼道内充电, "飞线"', '=HYPERLINK("x")', '外墙瓷砖松动\n有坠落风险'];

export function syntheticWeek(): { input: ReportInput; range: { from: number; to: number } } {
  const random = mulberry32(2026_47);
  const range = weekRange(parseIsoWeek(BENCH_WEEK, BENCH_ZONE)!, BENCH_ZONE);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const iso = (ms: number) => new Date(ms).toISOString();
  const hazards: Hazard[] = [];
  for (let n = 0; n < HAZARDS; n++) {
    const compound = pick(DEMO_COMPOUNDS);
    const [lng, lat] = compound.polygon[0]!;
    const created = range.from + random() * (range.to - range.from);
    const assigned = random() < 0.85 ? created + random() * 12 * HOUR : null;
    const resolved = assigned !== null && random() < 0.7 ? assigned + random() * 100 * HOUR : null;
    hazards.push({
      id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      categoryId: pick(STANDARD_CATEGORIES).id,
      severity: pick(SEVERITIES),
      description: pick(DESCRIPTIONS),
      position: { lat: lat + random() * 5e-4, lng: lng + random() * 5e-4, accuracy: 10, at: iso(created) },
      compoundId: compound.id,
      roundId: null,
      createdAt: iso(created),
      photoIds: [],
      reporterId: `m-${n % 2 === 0 ? 'a' : 'b'}-0${1 + (n % 9)}`,
      teamId: n % 2 === 0 ? 'team-a' : 'team-b',
      status: resolved !== null ? 'resolved' : assigned !== null ? 'assigned' : 'open',
      receivedAt: iso(created),
      assignedCompanyId: assigned !== null ? compound.propertyCompanyId : null,
      assignedAt: assigned !== null ? iso(assigned) : null,
      resolvedAt: resolved !== null ? iso(resolved) : null,
      duplicateOf: null,
      updatedAt: null,
    });
  }
  const rounds = [];
  const batches: { roundId: string; points: TrackPoint[] }[] = [];
  for (const [t, team] of DEMO_TEAMS.entries()) {
    for (let day = 0; day < 7; day++) {
      for (let r = 0; r < 3; r++) {
        const id = `10000000-0000-4000-8000-${String(t * 100 + day * 10 + r).padStart(12, '0')}`;
        const start = range.dayStarts[day]! + (8 + r * 4) * HOUR;
        rounds.push({ id, teamId: team.id, startedAt: iso(start), endedAt: iso(start + 2 * HOUR) });
        let [lng, lat] = pick(DEMO_COMPOUNDS).polygon[0]!;
        const points: TrackPoint[] = [];
        for (let i = 0; i < 1_440; i++) {
          lng += (random() - 0.5) * 1e-4;
          lat += (random() - 0.5) * 1e-4;
          points.push({ at: start + i * 5_000, lat, lng, accuracy: 6, segment: i < 700 ? 0 : 1 });
        }
        batches.push({ roundId: id, points });
      }
    }
  }
  const input = assembleInput(
    {
      hazards,
      events: [],
      rounds,
      batches,
      scans: [],
      checkpoints: [],
      compounds: DEMO_COMPOUNDS,
      companies: DEMO_PROPERTY_COMPANIES,
      teams: DEMO_TEAMS,
      members: [],
      categories: STANDARD_CATEGORIES,
    },
    range,
  );
  return { input, range };
}
