// Pulls changes page by page from the stored cursor. Each page and its cursor are written
// together, so an interrupted pull resumes where it stopped.
import type { PatrolDb } from '../db/db';
import { getMeta } from '../db/meta';
import { applyChanges } from '../db/applyChanges';
import { pullResponseSchema } from '../../shared/protocol/sync';
import { request, type EndpointConfig } from './request';

export const PULL_PAGE_SIZE = 500;

export async function pullChanges(
  db: PatrolDb,
  config: EndpointConfig,
  signal?: AbortSignal,
): Promise<number> {
  let received = 0;
  let cursor = (await getMeta(db, 'pullCursor')) ?? '';
  for (;;) {
    const query = new URLSearchParams({ cursor, limit: String(PULL_PAGE_SIZE) });
    const page = await request(config, `/api/v1/sync/pull?${query}`, { expect: pullResponseSchema, signal });
    await applyChanges(db, page.changes, page.cursor);
    received += page.changes.length;
    cursor = page.cursor;
    if (!page.hasMore) return received;
  }
}
