// GET /api/v1/sync/pull: a page of the change log after the caller's cursor, filtered by
// what the caller may see. A limit over the maximum is clamped, not refused.
import { Hono } from 'hono';
import type { Store } from '../store/openStore';
import { changeSchema, PROTOCOL, type Change, type PullResponse } from '../../shared/protocol/sync';
import { MAX_PULL_LIMIT } from '../../shared/protocol/limits';
import { readChanges, type Scope } from '../store/changes';
import { communityScope, companyScope, GLOBAL_SCOPE, streetScope, teamScope } from '../store/scopes';
import { teamsOfCommunity } from '../store/roster';
import type { Sql } from '../store/sql/sql';
import { ApiError } from '../http/apiError';
import { decodeCursor, encodeCursor } from '../http/cursor';
import type { AuthedEnv } from '../http/env';
import type { Caller } from '../auth/caller';

export const DEFAULT_PULL_LIMIT = 500;

/**
 * The scopes a caller pulls: categories and the street's shared records; their community's (a
 * lead also their team's rounds, a community's office every team's); staff their company's.
 * Nothing of another community, so a quiet community's phones never page through a busy one's.
 */
async function visibleScopes(sql: Sql, caller: Caller): Promise<Scope[]> {
  const scopes: Scope[] = [GLOBAL_SCOPE, streetScope(caller.streetId)];
  if (caller.propertyCompanyId !== null) scopes.push(companyScope(caller.propertyCompanyId));
  const community = caller.communityId;
  if (community === null) return scopes;
  scopes.push(communityScope(community));
  if (caller.role === 'admin') for (const team of await teamsOfCommunity(sql, community)) scopes.push(teamScope(community, team));
  else if (caller.role === 'lead' && caller.teamId !== null) scopes.push(teamScope(community, caller.teamId));
  return scopes;
}

function parseLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PULL_LIMIT;
  if (!/^[0-9]{1,9}$/.test(raw) || Number(raw) < 1) {
    throw new ApiError(400, 'invalid_query', `limit must be a positive integer, got ${JSON.stringify(raw)}`);
  }
  return Math.min(Number(raw), MAX_PULL_LIMIT);
}

export function pullRoutes(store: Store) {
  return new Hono<AuthedEnv>().get('/', async (c) => {
    const afterSeq = decodeCursor(c.req.query('cursor'));
    if (afterSeq === null) throw new ApiError(400, 'invalid_query', 'cursor is malformed; pull again from the start');
    const limit = parseLimit(c.req.query('limit'));
    const rows = await readChanges(store.sql, afterSeq, limit + 1, await visibleScopes(store.sql, c.get('caller')));
    const page = rows.slice(0, limit);
    // Rows were written from parsed entities; parsing them again guards against a bad migration.
    const changes: Change[] = page.map((r) =>
      changeSchema.parse({ entity: r.entity, op: 'put', id: r.entity_id, data: JSON.parse(r.data) }),
    );
    const last = page.at(-1);
    const response: PullResponse = {
      protocol: PROTOCOL,
      changes,
      cursor: encodeCursor(last ? last.seq : afterSeq),
      hasMore: rows.length > limit,
    };
    return c.json(response, 200);
  });
}
