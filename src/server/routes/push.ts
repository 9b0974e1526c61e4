// POST /api/v1/sync/push: applies a batch of mutations in one transaction and answers only
// after the commit, so an ack always means "durably stored".
import { Hono } from 'hono';
import type Database from 'better-sqlite3';
import { PROTOCOL, pushRequestSchema, type PushResponse } from '../../shared/protocol/sync';
import { applyPush } from '../store/applyPush';
import type { AuthedEnv } from '../http/env';
import { readJson } from '../http/readJson';

export function pushRoutes(db: Database.Database, now: () => Date) {
  return new Hono<AuthedEnv>().post('/', async (c) => {
    const { mutations } = await readJson(c, pushRequestSchema);
    const caller = c.get('caller');
    // Synchronous from here to the response: no other request can interleave with the batch.
    const outcome = applyPush(db, mutations, caller, now());
    const response: PushResponse = { protocol: PROTOCOL, ...outcome };
    return c.json(response, 200);
  });
}
