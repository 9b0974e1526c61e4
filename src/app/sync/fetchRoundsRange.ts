// A day (or period) of rounds the phone does not hold, asked of the server page by page and
// written into Dexie as each page arrives, so a cut connection keeps what came and the map
// (which reads only Dexie) fills in as it goes.
import type { PatrolDb } from '../db/db';
import { putRoundsPage } from '../db/rounds';
import { request, type EndpointConfig } from './request';
import { roundsRangeResponseSchema } from '../../shared/protocol/rounds';
import type { DayWindow } from '../../shared/map/mapFilter';

export interface FetchProgress {
  done: number;
  total: number;
}

export async function fetchRoundsRange(
  db: PatrolDb,
  endpoint: EndpointConfig,
  window: DayWindow,
  onProgress: (progress: FetchProgress) => void,
  signal?: AbortSignal,
): Promise<FetchProgress> {
  const base = `/api/v1/rounds?from=${encodeURIComponent(new Date(window.from).toISOString())}&to=${encodeURIComponent(new Date(window.to).toISOString())}`;
  let cursor = '';
  let done = 0;
  for (;;) {
    const page = await request(endpoint, `${base}&cursor=${cursor}`, { expect: roundsRangeResponseSchema, signal });
    await putRoundsPage(db, page);
    done += page.rounds.length;
    onProgress({ done, total: page.total });
    if (page.nextCursor === null) return { done, total: page.total };
    cursor = page.nextCursor;
  }
}
