// POST /api/v1/enroll: trades an enrollment code for a device token. Failed attempts are
// rate-limited per address; the token is shown once and stored only as its hash.
import { Hono } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type Database from 'better-sqlite3';
import { enrollRequestSchema, type EnrollResponse } from '../../shared/protocol/sync';
import { redeemEnrollmentCode } from '../store/enrollment';
import { ApiError } from '../http/apiError';
import type { AppEnv } from '../http/env';
import { FailureLimiter } from '../http/failureLimiter';
import { readJson } from '../http/readJson';

export const ENROLL_MAX_FAILURES = 10;
export const ENROLL_WINDOW_MS = 60_000;

export function enrollRoutes(db: Database.Database, options: { demo: boolean; now: () => Date }) {
  const limiter = new FailureLimiter(ENROLL_MAX_FAILURES, ENROLL_WINDOW_MS);

  return new Hono<AppEnv>().post('/', async (c) => {
    // The socket's address, not X-Forwarded-For: a header would let a guesser pick its own bucket.
    const address = getConnInfo(c).remote.address ?? 'unknown';
    const now = options.now();
    if (limiter.isLimited(address, now.getTime())) {
      c.header('Retry-After', String(Math.max(1, Math.ceil(limiter.retryAfterMs(address, now.getTime()) / 1000))));
      throw new ApiError(429, 'rate_limited', 'too many failed enrollment attempts; wait a minute');
    }
    const body = await readJson(c, enrollRequestSchema);
    const enrolled = redeemEnrollmentCode(db, body.code, body.deviceName, now, options.demo, body.appVersion);
    if (!enrolled) {
      limiter.recordFailure(address, now.getTime());
      throw new ApiError(401, 'enroll_invalid', 'this enrollment code is wrong, used or expired');
    }
    c.set('caller', { deviceId: enrolled.deviceId, memberId: enrolled.member.id, teamId: enrolled.member.teamId, role: enrolled.member.role });
    const response: EnrollResponse = { token: enrolled.token, member: enrolled.member };
    return c.json(response, 201);
  });
}
