// The street office's week across its communities and property companies, from a few bounded
// reads: the week's hazards, the ones still open, the week's resolutions, rounds and checkpoint
// scans, all of this street only. Times with offsets compare as text only within one zone, so
// reads are widened by 14 h and the exact week is applied here.
import type { LocalizedName } from '../../shared/domain/schemas';
import type { Severity } from '../../shared/domain/schemas';
import { overdueMs } from '../../shared/domain/dueTimes';
import { HOUR_MS, summarizeHours } from '../../shared/report/summarize';
import type { CommunityFigures, CompanyFigures, StreetDashboard, StreetMap } from '../../shared/protocol/street';
import type { Sql } from './sql/sql';

const SLACK_MS = 14 * HOUR_MS;
const iso = (ms: number) => new Date(ms).toISOString();

interface HazardRow {
  id: string;
  community_id: string;
  severity: Severity;
  status: 'open' | 'assigned' | 'resolved' | 'rejected' | 'closed_duplicate';
  created_at: string;
  assigned_at: string | null;
  resolved_at: string | null;
  assigned_company_id: string | null;
}

type Named = { id: string; name_zh: string; name_en: string };
const nameOf = (r: Named): LocalizedName => ({ zh: r.name_zh, en: r.name_en });

const HAZARD_COLUMNS = 'h.id, h.community_id, h.severity, h.status, h.created_at, h.assigned_at, h.resolved_at, h.assigned_company_id';
const OF_STREET = 'JOIN communities c ON c.id = h.community_id WHERE c.street_id = ?';

export async function streetFigures(sql: Sql, streetId: string, week: { label: string; from: number; to: number }, nowMs: number): Promise<StreetDashboard> {
  const [from, to] = [iso(week.from - SLACK_MS), iso(week.to + SLACK_MS)];
  const inWeek = (at: string | null) => at !== null && Date.parse(at) >= week.from && Date.parse(at) < week.to;
  const communities = await sql.all<Named>('SELECT id, name_zh, name_en FROM communities WHERE street_id = ? ORDER BY id', [streetId]);
  const found = (await sql.all<HazardRow>(`SELECT ${HAZARD_COLUMNS} FROM hazards h ${OF_STREET} AND h.created_at >= ? AND h.created_at < ?`, [streetId, from, to])).filter((h) => inWeek(h.created_at));
  const open = await sql.all<HazardRow>(`SELECT ${HAZARD_COLUMNS} FROM hazards h ${OF_STREET} AND h.status IN ('open', 'assigned')`, [streetId]);
  const resolved = (await sql.all<HazardRow>(`SELECT ${HAZARD_COLUMNS} FROM hazards h ${OF_STREET} AND h.status = 'resolved' AND h.updated_at >= ?`, [streetId, from])).filter((h) => inWeek(h.resolved_at));
  const rounds = await sql.all<{ community_id: string; started_at: string; ended_at: string | null }>(
    'SELECT r.community_id, r.started_at, r.ended_at FROM rounds r JOIN communities c ON c.id = r.community_id WHERE c.street_id = ? AND r.started_at >= ? AND r.started_at < ?',
    [streetId, from, to],
  );
  const compounds = await sql.all<Named & { community_id: string; visited: number }>(
    `SELECT k.id, k.name_zh, k.name_en, k.community_id,
            CASE WHEN EXISTS (SELECT 1 FROM checkpoint_scans s JOIN checkpoints p ON p.id = s.checkpoint_id
                              WHERE p.compound_id = k.id AND s.scanned_at >= ? AND s.scanned_at < ?) THEN 1 ELSE 0 END AS visited
       FROM compounds k JOIN communities c ON c.id = k.community_id WHERE c.street_id = ? ORDER BY k.id`,
    [iso(week.from), iso(week.to), streetId],
  );
  const hours = (a: string, b: string | null) => (b === null ? null : Math.max(0, Date.parse(b) - Date.parse(a)) / HOUR_MS);
  const times = (rows: HazardRow[], end: (h: HazardRow) => string | null) => summarizeHours(rows.flatMap((h) => hours(h.created_at, end(h)) ?? []));

  const perCommunity = communities.map((c): CommunityFigures => {
    const mine = <T extends { community_id: string }>(rows: T[]) => rows.filter((r) => r.community_id === c.id);
    const its = mine(compounds);
    const walked = mine(rounds).filter((r) => inWeek(r.started_at));
    return {
      communityId: c.id,
      name: nameOf(c),
      found: mine(found).length,
      open: mine(open).length,
      overdue: mine(open).filter((h) => overdueMs({ ...h, createdAt: h.created_at, assignedAt: h.assigned_at }, nowMs) > 0).length,
      toAssign: times(mine(found), (h) => (inWeek(h.assigned_at) ? h.assigned_at : null)),
      toResolve: times(mine(resolved), (h) => h.resolved_at),
      compounds: its.length,
      notVisited: its.filter((k) => Number(k.visited) === 0).map((k) => ({ id: k.id, name: nameOf(k) })),
      rounds: walked.length,
      patrolHours: Math.round(walked.reduce((sum, r) => sum + (hours(r.started_at, r.ended_at) ?? 0), 0) * 10) / 10,
    };
  });

  const companies = await sql.all<Named>('SELECT id, name_zh, name_en FROM property_companies WHERE street_id = ? ORDER BY id', [streetId]);
  const perCompany = companies.map((p): CompanyFigures => {
    const theirs = (rows: HazardRow[]) => rows.filter((h) => h.assigned_company_id === p.id);
    const assignedThisWeek = [...theirs(found), ...theirs(open), ...theirs(resolved)].filter((h) => inWeek(h.assigned_at));
    const distinct = new Map(assignedThisWeek.map((h) => [h.id, h]));
    return {
      companyId: p.id,
      name: nameOf(p),
      communities: new Set([...distinct.values()].map((h) => h.community_id)).size,
      assigned: distinct.size,
      open: theirs(open).length,
      overdue: theirs(open).filter((h) => overdueMs({ ...h, createdAt: h.created_at, assignedAt: h.assigned_at }, nowMs) > 0).length,
      resolved: theirs(resolved).length,
      toResolve: times(theirs(resolved), (h) => h.resolved_at),
    };
  });
  return { week: week.label, communities: perCommunity, companies: perCompany };
}

/** The week's hazards of the street that have a position, as GeoJSON features (positions are not personal; tracks are). */
export async function streetHazardFeatures(sql: Sql, streetId: string, week: { from: number; to: number }): Promise<unknown[]> {
  const rows = await sql.all<{ id: string; community_id: string; severity: string; status: string; category_id: string; created_at: string; assigned_company_id: string | null; lat: number | null; lng: number | null }>(
    `SELECT h.id, h.community_id, h.severity, h.status, h.category_id, h.created_at, h.assigned_company_id, h.lat, h.lng
       FROM hazards h ${OF_STREET} AND h.created_at >= ? AND h.created_at < ? AND h.lat IS NOT NULL`,
    [streetId, iso(week.from - SLACK_MS), iso(week.to + SLACK_MS)],
  );
  return rows
    .filter((r) => Date.parse(r.created_at) >= week.from && Date.parse(r.created_at) < week.to)
    .map((r) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [r.lng, r.lat] },
      properties: { id: r.id, communityId: r.community_id, severity: r.severity, status: r.status, categoryId: r.category_id, createdAt: r.created_at, assignedCompanyId: r.assigned_company_id },
    }));
}

/** The street's map for a week: every community's compounds, and the week's hazards with a position. */
export async function streetMap(sql: Sql, streetId: string, week: { label: string; from: number; to: number }, nowMs: number): Promise<StreetMap> {
  const communities = await sql.all<Named>('SELECT id, name_zh, name_en FROM communities WHERE street_id = ? ORDER BY id', [streetId]);
  const compounds = await sql.all<Named & { community_id: string; polygon: string }>(
    'SELECT k.id, k.name_zh, k.name_en, k.community_id, k.polygon FROM compounds k JOIN communities c ON c.id = k.community_id WHERE c.street_id = ? ORDER BY k.id',
    [streetId],
  );
  const rows = await sql.all<HazardRow & { lat: number; lng: number }>(
    `SELECT ${HAZARD_COLUMNS}, h.lat, h.lng FROM hazards h ${OF_STREET} AND h.created_at >= ? AND h.created_at < ? AND h.lat IS NOT NULL AND h.lng IS NOT NULL`,
    [streetId, iso(week.from - SLACK_MS), iso(week.to + SLACK_MS)],
  );
  const inWeek = (at: string) => Date.parse(at) >= week.from && Date.parse(at) < week.to;
  return {
    week: week.label,
    communities: communities.map((c) => ({
      id: c.id,
      name: nameOf(c),
      compounds: compounds.filter((k) => k.community_id === c.id).map((k) => ({ id: k.id, name: nameOf(k), polygon: JSON.parse(k.polygon) as Array<[number, number]> })),
    })),
    hazards: rows
      .filter((h) => inWeek(h.created_at))
      .map((h) => ({ id: h.id, communityId: h.community_id, severity: h.severity, status: h.status, lat: h.lat, lng: h.lng, overdueMs: overdueMs({ ...h, createdAt: h.created_at, assignedAt: h.assigned_at }, nowMs) })),
  };
}
