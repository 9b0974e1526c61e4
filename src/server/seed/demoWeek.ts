// A demo week of history, so the weekly report of a fresh demo server is not empty: hazards
// found by both teams (assigned, resolved, still open, one rejected) and a round per team per
// day, in the last complete ISO week before `now`. Written only when DEMO_REPORT_WEEK=1 asks
// for it (other demo servers, tests included, stay empty), and only once per week.
import { insertHazard, hazardExists } from '../store/hazards';
import { insertRound } from '../store/rounds';
import { insertTrackBatch } from '../store/trackBatches';
import { insertEventRow } from '../store/hazardEvents';
import type { Sql, Tx } from '../store/sql/sql';
import { communityScope } from '../store/scopes';
import { JIANXINGLU } from './demoStreet';
import { DEMO_COMPOUNDS, demoCompoundCentre } from './compounds';
import { STANDARD_CATEGORIES } from '../../shared/domain/categories';
import { SEVERITIES, type Hazard } from '../../shared/domain/schemas';
import { MAX_POINTS_PER_BATCH, type TrackPoint } from '../../shared/domain/rounds';
import { DEFAULT_COMMUNITY_TZ, lastCompleteWeek, weekRange } from '../../shared/report/isoWeek';

const HOUR = 3_600_000;
const TEAMS = [
  { teamId: 'team-a', lead: 'm-a-lead', walkers: ['m-a-01', 'm-a-02', 'm-a-03'] },
  { teamId: 'team-b', lead: 'm-b-lead', walkers: ['m-b-01', 'm-b-02', 'm-b-03'] },
] as const;
const DESCRIPTIONS = ['楼道堆放杂物，堵塞消防通道', '电动车在楼道内充电', '燃气管道有异味', '外墙瓷砖松动有坠落风险', '电梯按钮失灵', '消防栓箱门损坏', '下水道堵塞，污水外溢', '路灯不亮，夜间照明不足'];

/** A small deterministic generator: the same week always gets the same demo history. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Deterministic uuid-shaped ids, so a second run finds what the first wrote. */
const demoId = (kind: number, week: number, n: number) =>
  `d${String(kind).padStart(7, '0')}-${String(week).padStart(4, '0')}-4000-8000-${String(n).padStart(12, '0')}`;

export async function seedDemoWeek(sql: Sql, now: Date, zone: string = DEFAULT_COMMUNITY_TZ): Promise<boolean> {
  const week = lastCompleteWeek(now, zone);
  const range = weekRange(week, zone);
  const weekKey = week.year * 100 + week.week;
  if (await hazardExists(sql, demoId(1, weekKey % 10_000, 0))) return false;
  const random = prng(weekKey);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  // Two compounds no round heads for this week: coverage has something to point at.
  const walked = DEMO_COMPOUNDS.slice(0, DEMO_COMPOUNDS.length - 2);

  await sql.transaction(async (tx) => {
    for (let n = 0; n < 42; n++) {
      const team = TEAMS[n % 2]!;
      const compound = pick(walked);
      const centre = demoCompoundCentre(compound.id);
      const created = range.dayStarts[n % 7]! + (8 + random() * 12) * HOUR;
      const roll = random();
      const assignedAt = roll < 0.8 ? created + (0.5 + random() * 6) * HOUR : null;
      const resolvedAt = assignedAt !== null && roll < 0.6 ? assignedAt + (2 + random() * 90) * HOUR : null;
      const rejected = roll >= 0.95;
      const iso = (ms: number) => new Date(ms).toISOString();
      const hazard: Hazard = {
        id: demoId(1, weekKey % 10_000, n),
        categoryId: pick(STANDARD_CATEGORIES).id,
        severity: SEVERITIES[Math.min(3, Math.floor(random() * random() * 5))]!,
        description: pick(DESCRIPTIONS),
        position: { lat: centre.lat + (random() - 0.5) * 4e-4, lng: centre.lng + (random() - 0.5) * 4e-4, accuracy: 8, at: iso(created) },
        compoundId: compound.id,
        roundId: null,
        createdAt: iso(created),
        photoIds: [],
        reporterId: pick(team.walkers),
        teamId: team.teamId,
        status: rejected ? 'rejected' : resolvedAt !== null && resolvedAt < now.getTime() ? 'resolved' : assignedAt !== null ? 'assigned' : 'open',
        receivedAt: iso(created + 60_000),
        assignedCompanyId: assignedAt !== null && !rejected ? compound.propertyCompanyId : null,
        assignedAt: assignedAt !== null && !rejected ? iso(assignedAt) : null,
        resolvedAt: resolvedAt !== null && !rejected && resolvedAt < now.getTime() ? iso(resolvedAt) : null,
        duplicateOf: null,
        updatedAt: iso(created + 60_000),
      };
      await insertHazard(tx, hazard, JIANXINGLU);
      if (rejected) await insertRejection(tx, hazard, team.lead, created + HOUR);
    }
    for (const [t, team] of TEAMS.entries()) {
      for (let day = 0; day < 7; day++) await insertDemoRound(tx, range.dayStarts[day]! + (t === 0 ? 9 : 15) * HOUR, team, walked, random, demoId(2 + t, weekKey % 10_000, day));
    }
  });
  return true;
}

async function insertRejection(tx: Tx, hazard: Hazard, authorId: string, at: number): Promise<void> {
  const event = { id: demoId(9, 0, Number(hazard.id.slice(-12))), hazardId: hazard.id, type: 'reject' as const, at: new Date(at).toISOString(), data: { reason: '属于市政设施，已转交' }, authorId, role: 'lead' as const, status: 'rejected' as const, receivedAt: new Date(at).toISOString() };
  await insertEventRow(tx, event);
  tx.publish({ entity: 'hazardEvent', op: 'put', id: event.id, data: event }, communityScope(JIANXINGLU));
}

/** Two hours walking from compound to compound, a fix every 10 s, with one GPS gap. */
async function insertDemoRound(tx: Tx, start: number, team: (typeof TEAMS)[number], walked: typeof DEMO_COMPOUNDS, random: () => number, id: string): Promise<void> {
  const stops = Array.from({ length: 6 }, () => walked[Math.floor(random() * walked.length)]!.id).map(demoCompoundCentre);
  const points: TrackPoint[] = [];
  const gapAt = 300 + Math.floor(random() * 200);
  for (let i = 0, segment = 0; i < 720; i++) {
    if (i >= gapAt && i < gapAt + 12) continue; // two minutes without a fix
    if (i === gapAt + 12) segment += 1;
    const leg = (i / 720) * (stops.length - 1);
    const a = stops[Math.floor(leg)]!;
    const b = stops[Math.min(stops.length - 1, Math.floor(leg) + 1)]!;
    const f = leg - Math.floor(leg);
    points.push({ at: start + i * 10_000, lat: a.lat + (b.lat - a.lat) * f, lng: a.lng + (b.lng - a.lng) * f, accuracy: 6, segment });
  }
  const iso = (ms: number) => new Date(ms).toISOString();
  await insertRound(tx, { id, teamId: team.teamId, memberIds: [team.lead, ...team.walkers], startedAt: iso(start), startedBy: team.lead, endedAt: iso(start + 2 * HOUR), note: null, autoClosed: false }, iso(start + 2 * HOUR), JIANXINGLU);
  for (let b = 0; b * MAX_POINTS_PER_BATCH < points.length; b++) {
    const batch = { id: `${id.slice(0, -2)}${b}${id.slice(-1)}`, roundId: id, points: points.slice(b * MAX_POINTS_PER_BATCH, (b + 1) * MAX_POINTS_PER_BATCH) };
    await insertTrackBatch(tx, batch, { communityId: JIANXINGLU, teamId: team.teamId }, iso(start + 2 * HOUR));
  }
}
