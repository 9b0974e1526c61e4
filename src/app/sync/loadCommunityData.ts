// The first sync right after enrolling, run before the enroll screen lets the member in, so the
// community's reference data (categories, compounds, teams, property companies) and its hazards
// are on the phone before New hazard opens. Push goes first, as in every sync: a phone enrolling
// again sends its waiting records. A failure is the caller's to show; nothing is lost by it.
import type { PatrolDb } from '../db/db';
import { syncOnce } from './syncOnce';

/** Each request's own limit: a first pull is many pages, but a silent network must not hang it. */
const REQUEST_TIMEOUT_MS = 15_000;

export async function loadCommunityData(db: PatrolDb, baseUrl: string, signal?: AbortSignal): Promise<void> {
  await syncOnce(db, { baseUrl, timeoutMs: REQUEST_TIMEOUT_MS }, signal);
}
