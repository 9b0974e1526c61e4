// The weekly report's numbers: ONE pure function, run by the app on Dexie rows (offline) and by
// the server on SQLite rows, so both give the same figures for the same data.
// Must hold: the week is [from, to) on the community's wall clock; a hazard counts where it was
// reported (createdAt); response times are measured from createdAt; everything is rounded to
// two decimals so both sides compare equal. Coverage follows the rule of tracks/coverage.ts.
import { SEVERITIES, type HazardStatus, type Severity } from '../domain/schemas';
import { prepareReach, VISIT_REACH_M, withinReach } from '../tracks/compoundReach';
import { summarizeGaps } from '../tracks/segments';
import { trackDistanceMetres } from '../tracks/trackDistance';
import { parseIsoWeek, weekRange, type WeekRange } from './isoWeek';
import type { ReportHazard, ReportInput } from './reportInput';
import { countBy, HOUR_MS, round2, summarizeHours, type DurationSummary } from './summarize';

export const NO_KEY = '-';

export interface OpenHazard {
  hazardId: string;
  createdAt: string;
  severity: Severity;
  categoryId: string;
  compoundId: string | null;
  /** Hours from report to the end of the week. */
  ageHours: number;
}

export interface CompanyResponse {
  companyId: string;
  /** Resolved in the week. */
  resolved: number;
  toAssigned: DurationSummary;
  toResolved: DurationSummary;
  over24h: number;
  over72h: number;
}

export interface TeamEffort {
  teamId: string;
  rounds: number;
  hours: number;
  km: number;
  gaps: number;
  minutesWithoutPosition: number;
}

export interface WeeklyStats {
  week: string;
  timeZone: string;
  from: string;
  to: string;
  found: {
    total: number;
    byCategory: { key: string; count: number }[];
    bySeverity: { key: Severity; count: number }[];
    byCompound: { key: string; count: number }[];
    byTeam: { key: string; count: number }[];
    /** Hazards per day of the week, by severity: the stacked chart. */
    perDay: ({ date: string } & Record<Severity, number>)[];
  };
  open: { count: number; hazards: OpenHazard[] };
  resolvedInWeek: number;
  /** The alliance's scoreboard, fastest median resolution first (companies without one last). */
  responseTimes: CompanyResponse[];
  effort: TeamEffort[];
  coverage: {
    compounds: number;
    days: { date: string; visitedCompoundIds: string[] }[];
    notVisitedCompoundIds: string[];
  };
}

const CLOSING_EVENTS = new Set(['duplicate', 'reject']);
const STILL_OPEN: ReadonlySet<HazardStatus> = new Set(['open', 'assigned']);

/** Returns null for a malformed or non-existent week ("2025-W53"). */
export function weeklyStats(input: ReportInput, week: string, zone: string): WeeklyStats | null {
  const parsed = parseIsoWeek(week, zone);
  if (!parsed) return null;
  const range = weekRange(parsed, zone);
  const inWeek = (at: number) => at >= range.from && at < range.to;
  // Each time parsed once: a week of 10,000 hazards is read five ways below.
  const timed = input.hazards.map((h): Timed => ({
    h,
    created: Date.parse(h.createdAt),
    assigned: h.assignedAt === null ? null : Date.parse(h.assignedAt),
    resolved: h.resolvedAt === null ? null : Date.parse(h.resolvedAt),
  }));
  const foundTimed = timed.filter((t) => inWeek(t.created));
  const found = foundTimed.map((t) => t.h);
  const companyOf = companyResolver(input);

  return {
    week: range.label,
    timeZone: zone,
    from: new Date(range.from).toISOString(),
    to: new Date(range.to).toISOString(),
    found: {
      total: found.length,
      byCategory: countBy(found, (h) => h.categoryId),
      bySeverity: SEVERITIES.map((key) => ({ key, count: found.filter((h) => h.severity === key).length })),
      byCompound: countBy(found, (h) => h.compoundId ?? NO_KEY),
      byTeam: countBy(found, (h) => h.teamId ?? NO_KEY),
      perDay: perDay(foundTimed, range),
    },
    open: openAtWeekEnd(input, timed, range),
    resolvedInWeek: timed.filter((t) => t.resolved !== null && inWeek(t.resolved)).length,
    responseTimes: responseTimes(timed, range, companyOf),
    effort: teamEffort(input, range),
    coverage: coverage(input, range),
  };
}

/** The company answerable for a hazard: its assignee, else the compound's property company. */
export function companyResolver(input: Pick<ReportInput, 'compounds'>): (h: ReportHazard) => string {
  const byCompound = new Map(input.compounds.map((c) => [c.id, c.propertyCompanyId]));
  return (h) => h.assignedCompanyId ?? (h.compoundId !== null ? byCompound.get(h.compoundId) : undefined) ?? NO_KEY;
}

interface Timed {
  h: ReportHazard;
  created: number;
  assigned: number | null;
  resolved: number | null;
}

function perDay(found: readonly Timed[], range: WeekRange): WeeklyStats['found']['perDay'] {
  const rows = range.days.map((date) => ({ date, low: 0, medium: 0, high: 0, urgent: 0 }));
  for (const t of found) rows[dayIndex(t.created, range)]![t.h.severity] += 1;
  return rows;
}

function dayIndex(at: number, range: WeekRange): number {
  let i = 0;
  while (i < 6 && at >= range.dayStarts[i + 1]!) i++;
  return i;
}

/**
 * Open at week end: reported before it, and neither resolved nor closed by then. A hazard
 * resolved or rejected after the week still counts as open in that week's report; one resolved
 * then reopened has resolvedAt null again and counts as open while its status says so.
 */
function openAtWeekEnd(input: ReportInput, timed: readonly Timed[], range: WeekRange): WeeklyStats['open'] {
  const closedAt = new Map<string, number>();
  for (const e of input.events) {
    if (!CLOSING_EVENTS.has(e.type)) continue;
    const at = Date.parse(e.at);
    closedAt.set(e.hazardId, Math.max(closedAt.get(e.hazardId) ?? -Infinity, at));
  }
  const hazards: OpenHazard[] = [];
  for (const { h, created, resolved } of timed) {
    if (created >= range.to) continue;
    const open = STILL_OPEN.has(h.status)
      ? true
      : h.status === 'resolved'
        ? resolved === null || resolved >= range.to
        : (closedAt.get(h.id) ?? -Infinity) >= range.to;
    if (!open) continue;
    hazards.push({
      hazardId: h.id,
      createdAt: h.createdAt,
      severity: h.severity,
      categoryId: h.categoryId,
      compoundId: h.compoundId,
      ageHours: round2((range.to - created) / HOUR_MS),
    });
  }
  hazards.sort((a, b) => b.ageHours - a.ageHours || (a.hazardId < b.hazardId ? -1 : 1));
  return { count: hazards.length, hazards };
}

function responseTimes(timed: readonly Timed[], range: WeekRange, companyOf: (h: ReportHazard) => string): CompanyResponse[] {
  const byCompany = new Map<string, { toAssigned: number[]; toResolved: number[] }>();
  for (const { h, created, assigned, resolved } of timed) {
    if (resolved === null || resolved < range.from || resolved >= range.to) continue;
    const key = companyOf(h);
    const times = byCompany.get(key) ?? { toAssigned: [], toResolved: [] };
    byCompany.set(key, times);
    // A device clock a little behind may put an event before the report: never a negative time.
    times.toResolved.push(Math.max(0, resolved - created) / HOUR_MS);
    if (assigned !== null) times.toAssigned.push(Math.max(0, assigned - created) / HOUR_MS);
  }
  const rows = [...byCompany].map(([companyId, t]): CompanyResponse => ({
    companyId,
    resolved: t.toResolved.length,
    toAssigned: summarizeHours(t.toAssigned),
    toResolved: summarizeHours(t.toResolved),
    over24h: t.toResolved.filter((x) => x > 24).length,
    over72h: t.toResolved.filter((x) => x > 72).length,
  }));
  return rows.sort((a, b) => (a.toResolved.median ?? Infinity) - (b.toResolved.median ?? Infinity) || (a.companyId < b.companyId ? -1 : 1));
}

/** Rounds count in the week they started; an open round lasts until its last fix. */
function teamEffort(input: ReportInput, range: WeekRange): TeamEffort[] {
  const byTeam = new Map<string, { rounds: number; ms: number; metres: number; gaps: number; silentMs: number }>();
  for (const team of input.teams) byTeam.set(team.id, { rounds: 0, ms: 0, metres: 0, gaps: 0, silentMs: 0 });
  for (const round of input.rounds) {
    const started = Date.parse(round.startedAt);
    if (started < range.from || started >= range.to) continue;
    const points = input.pointsByRound.get(round.id) ?? [];
    const ended = round.endedAt !== null ? Date.parse(round.endedAt) : (points.at(-1)?.at ?? started);
    const tally = byTeam.get(round.teamId) ?? { rounds: 0, ms: 0, metres: 0, gaps: 0, silentMs: 0 };
    byTeam.set(round.teamId, tally);
    const gaps = summarizeGaps(points, { startedAt: started, endedAt: round.endedAt !== null ? ended : undefined });
    tally.rounds += 1;
    tally.ms += Math.max(0, ended - started);
    tally.metres += trackDistanceMetres(points);
    tally.gaps += gaps.gaps;
    tally.silentMs += gaps.withoutPositionMs;
  }
  return [...byTeam]
    .map(([teamId, t]) => ({
      teamId,
      rounds: t.rounds,
      hours: round2(t.ms / HOUR_MS),
      km: round2(t.metres / 1000),
      gaps: t.gaps,
      minutesWithoutPosition: round2(t.silentMs / 60_000),
    }))
    .sort((a, b) => (a.teamId < b.teamId ? -1 : 1));
}

/**
 * Which compounds each day's rounds visited, by the coverage rule (a trusted fix within reach,
 * or a checkpoint scan). Only "visited or not" matters here, so once a compound is seen on a
 * day it is not tested again that day: most fixes then meet few candidates.
 */
function coverage(input: ReportInput, range: WeekRange): WeeklyStats['coverage'] {
  const reaches = input.compounds.map((c) => prepareReach(c, VISIT_REACH_M));
  const teamOf = new Map(input.rounds.map((r) => [r.id, r.teamId]));
  const visited = range.days.map(() => new Set<string>());
  for (const scan of input.scans) {
    if (scan.at >= range.from && scan.at < range.to) visited[dayIndex(scan.at, range)]!.add(scan.compoundId);
  }
  const pending = visited.map((seen) => reaches.filter((r) => !seen.has(r.compoundId)));
  for (const [roundId, points] of input.pointsByRound) {
    if (!teamOf.has(roundId)) continue;
    for (const p of points) {
      if (p.at < range.from || p.at >= range.to || p.suspect === true) continue;
      const day = dayIndex(p.at, range);
      const candidates = pending[day]!;
      for (let i = candidates.length - 1; i >= 0; i--) {
        if (!withinReach(candidates[i]!, p.lat, p.lng)) continue;
        visited[day]!.add(candidates[i]!.compoundId);
        candidates.splice(i, 1);
      }
    }
  }
  const known = new Set(input.compounds.map((c) => c.id));
  const inWeek = new Set(visited.flatMap((seen) => [...seen]));
  return {
    compounds: input.compounds.length,
    days: range.days.map((date, i) => ({ date, visitedCompoundIds: [...visited[i]!].filter((id) => known.has(id)).sort() })),
    notVisitedCompoundIds: input.compounds.map((c) => c.id).filter((id) => !inWeek.has(id)),
  };
}
