// The lead's map: GET /api/v1/config/map (the basemap the server is configured with) and
// GET /api/v1/rounds?from=<ISO>&to=<ISO>[&cursor=] (rounds of days a device does not hold:
// admin all, a lead the own team's, a member the rounds they walked), a few rounds per page.
import { Hono } from 'hono';
import type { Store } from '../store/openStore';
import type { BasemapConfig } from '../../shared/map/basemap';
import { ROUNDS_PER_PAGE, roundsRangeQuerySchema, type RoundsRangeResponse } from '../../shared/protocol/rounds';
import { MAX_RANGE_DAYS } from '../../shared/protocol/limits';
import { PROTOCOL } from '../../shared/protocol/sync';
import { ApiError } from '../http/apiError';
import { decodeCursor, encodeCursor } from '../http/cursor';
import type { AuthedEnv } from '../http/env';
import type { Caller } from '../auth/caller';
import type { Sql } from '../store/sql/sql';
import { drillDown } from '../store/communities';
import { countRoundsInRange, roundsInRange, scansOfRound, trackBatchesOfRound, type RoundsVisibility } from '../store/roundsRange';

const DAY_MS = 86_400_000;

/** The street office sees a community's rounds only on drill-down into it (?community=): tracks are personal data. */
async function visibility(sql: Sql, caller: Caller, asked: string | undefined): Promise<RoundsVisibility | null> {
  if (caller.role === 'admin' && caller.communityId !== null) return { kind: 'community', communityId: caller.communityId };
  if (caller.role === 'admin') {
    const communityId = await drillDown(sql, caller, asked);
    return communityId === null ? null : { kind: 'community', communityId };
  }
  if (caller.role === 'lead') return caller.teamId === null ? null : { kind: 'team', teamId: caller.teamId };
  return { kind: 'member', memberId: caller.memberId };
}

export function mapConfigRoutes(config: BasemapConfig) {
  return new Hono<AuthedEnv>().get('/', (c) => c.json({ protocol: PROTOCOL, map: config }, 200));
}

export function roundsRangeRoutes(store: Store) {
  const { sql } = store;
  return new Hono<AuthedEnv>().get('/', async (c) => {
    const query = roundsRangeQuerySchema.safeParse({ from: c.req.query('from'), to: c.req.query('to') });
    if (!query.success) throw new ApiError(400, 'invalid_query', 'from and to must be ISO times with an offset');
    const { from, to } = query.data;
    const span = Date.parse(to) - Date.parse(from);
    if (!(span > 0 && span <= MAX_RANGE_DAYS * DAY_MS)) {
      throw new ApiError(400, 'invalid_query', `to must be after from, at most ${MAX_RANGE_DAYS} days later; got ${from} → ${to}`);
    }
    const offset = decodeCursor(c.req.query('cursor'));
    if (offset === null) throw new ApiError(400, 'invalid_query', 'cursor is malformed; ask again from the start');
    const seen = await visibility(sql, c.get('caller'), c.req.query('community'));
    const total = seen ? await countRoundsInRange(sql, seen, from, to) : 0;
    const rounds = seen ? await roundsInRange(sql, seen, from, to, offset, ROUNDS_PER_PAGE) : [];
    const next = offset + rounds.length;
    const response: RoundsRangeResponse = {
      protocol: PROTOCOL,
      rounds,
      trackBatches: (await Promise.all(rounds.map((r) => trackBatchesOfRound(sql, r.id)))).flat(),
      checkpointScans: (await Promise.all(rounds.map((r) => scansOfRound(sql, r.id)))).flat(),
      total,
      nextCursor: next < total && rounds.length > 0 ? encodeCursor(next) : null,
    };
    return c.json(response, 200);
  });
}
