// How long a hazard may wait, by severity: the grid-management tiers (urgent 2 h, high 24 h,
// medium 72 h, low 7 days), counted from its assignment, or from its report while nobody holds it.
import type { Hazard, Severity } from './schemas';

const HOUR_MS = 3_600_000;

export const DEFAULT_DUE_MS: Readonly<Record<Severity, number>> = {
  urgent: 2 * HOUR_MS,
  high: 24 * HOUR_MS,
  medium: 72 * HOUR_MS,
  low: 7 * 24 * HOUR_MS,
};

/** Milliseconds past due at `nowMs` (0 when not overdue, or no longer open). */
export function overdueMs(hazard: Pick<Hazard, 'status' | 'severity' | 'createdAt' | 'assignedAt'>, nowMs: number): number {
  if (hazard.status !== 'open' && hazard.status !== 'assigned') return 0;
  const from = Date.parse(hazard.assignedAt ?? hazard.createdAt);
  return Math.max(0, nowMs - (from + DEFAULT_DUE_MS[hazard.severity]));
}
