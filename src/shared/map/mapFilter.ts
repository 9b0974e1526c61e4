// What the lead's map shows: the day, and team, member, category, severity, status and "open
// only" filters over rounds and hazards. Pure, so a filter change costs one pass over the day.
import type { Hazard, HazardStatus, Severity } from '../domain/schemas';
import type { Round } from '../domain/rounds';

export interface MapFilter {
  teamId: string | null;
  memberId: string | null;
  categoryId: string | null;
  severity: Severity | null;
  status: HazardStatus | null;
  /** Only hazards still waiting for someone: open or assigned. */
  openOnly: boolean;
}

export const NO_FILTER: MapFilter = {
  teamId: null,
  memberId: null,
  categoryId: null,
  severity: null,
  status: null,
  openOnly: false,
};

export const UNRESOLVED: readonly HazardStatus[] = ['open', 'assigned'];

/** A day as epoch ms [from, to). */
export interface DayWindow {
  from: number;
  to: number;
}

type FilterableRound = Pick<Round, 'teamId' | 'memberIds' | 'startedAt' | 'endedAt'>;
type FilterableHazard = Pick<Hazard, 'teamId' | 'reporterId' | 'categoryId' | 'severity' | 'status' | 'createdAt'>;

/** Rounds walked (in part) during the day that match the team and member filters. */
export function filterRounds<R extends FilterableRound>(rounds: readonly R[], filter: MapFilter, day: DayWindow, now = Date.now()): R[] {
  return rounds.filter((round) => {
    const start = Date.parse(round.startedAt);
    const end = round.endedAt === null ? now : Date.parse(round.endedAt);
    if (end < day.from || start >= day.to) return false;
    if (filter.teamId !== null && round.teamId !== filter.teamId) return false;
    return filter.memberId === null || round.memberIds.includes(filter.memberId);
  });
}

/** Hazards logged during the day that match every filter. */
export function filterHazards<H extends FilterableHazard>(hazards: readonly H[], filter: MapFilter, day: DayWindow): H[] {
  return hazards.filter((hazard) => {
    const at = Date.parse(hazard.createdAt);
    if (at < day.from || at >= day.to) return false;
    if (filter.teamId !== null && hazard.teamId !== filter.teamId) return false;
    if (filter.memberId !== null && hazard.reporterId !== filter.memberId) return false;
    if (filter.categoryId !== null && hazard.categoryId !== filter.categoryId) return false;
    if (filter.severity !== null && hazard.severity !== filter.severity) return false;
    if (filter.status !== null && hazard.status !== filter.status) return false;
    return !filter.openOnly || UNRESOLVED.includes(hazard.status);
  });
}
