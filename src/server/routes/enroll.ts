// POST /api/v1/enroll: trades an enrollment code for a device token. Failed attempts are
// rate-limited per client address (TRUST_PROXY decides what that is) and per code tried; the
// token is shown once and stored only as its hash. Enrollments and failure bursts are audited.
import { Hono } from 'hono';
import type { Store } from '../store/openStore';
import { enrollRequestSchema, type EnrollResponse } from '../../shared/protocol/sync';
import { redeemEnrollmentCode } from '../store/enrollment';
import { ApiError } from '../http/apiError';
import type { Context } from 'hono';
import type { AppEnv } from '../http/env';
import { FailureLimiter } from '../http/failureLimiter';
import { readJson } from '../http/readJson';
import { clientAddress, type TrustedProxies } from '../http/clientAddress';
import { normalizeCode, sha256Hex } from '../auth/secrets';
import { recordAudit, SYSTEM_ACTOR } from '../store/audit';
import { placeOf } from '../store/communities';

export const ENROLL_MAX_FAILURES = 10;
export const ENROLL_WINDOW_MS = 60_000;

/** One code tried wrongly this often in a window (from any addresses) is refused for a while. */
export const ENROLL_MAX_FAILURES_PER_CODE = 5;

interface EnrollOptions {
  demo: boolean;
  now: () => Date;
  trustProxy?: TrustedProxies;
}

export function enrollRoutes(store: Store, options: EnrollOptions) {
  const byAddress = new FailureLimiter(store.sql, 'address', ENROLL_MAX_FAILURES, ENROLL_WINDOW_MS);
  const byCode = new FailureLimiter(store.sql, 'code', ENROLL_MAX_FAILURES_PER_CODE, ENROLL_WINDOW_MS);

  const refuse = (c: Context, waitMs: number): never => {
    c.header('Retry-After', String(Math.max(1, Math.ceil(waitMs / 1000))));
    throw new ApiError(429, 'rate_limited', 'too many failed enrollment attempts; wait a minute');
  };

  return new Hono<AppEnv>().post('/', async (c) => {
    const address = clientAddress(c, options.trustProxy ?? null);
    const now = options.now();
    const nowMs = now.getTime();
    if (await byAddress.isLimited(address, nowMs)) refuse(c, await byAddress.retryAfterMs(address, nowMs));
    const body = await readJson(c, enrollRequestSchema);
    // Keyed by the code's hash: the limiter's memory never holds a code in clear.
    const codeKey = sha256Hex(normalizeCode(body.code));
    if (await byCode.isLimited(codeKey, nowMs)) refuse(c, await byCode.retryAfterMs(codeKey, nowMs));
    const enrolled = await redeemEnrollmentCode(store.sql, body.code, body.deviceName, now, options.demo, body.appVersion, address);
    if (!enrolled) {
      await byAddress.recordFailure(address, nowMs);
      await byCode.recordFailure(codeKey, nowMs);
      // One audit line per burst: when this failure is the one that trips the address's limit.
      if (await byAddress.isLimited(address, nowMs)) {
        await recordAudit(store.sql, SYSTEM_ACTOR, 'enroll.burst', address, { failures: ENROLL_MAX_FAILURES, windowMs: ENROLL_WINDOW_MS }, now);
      }
      throw new ApiError(401, 'enroll_invalid', 'this enrollment code is wrong, used or expired');
    }
    const { member, communityId, streetId, propertyCompanyId } = enrolled;
    c.set('caller', { deviceId: enrolled.deviceId, memberId: member.id, teamId: member.teamId, role: member.role, communityId, streetId, propertyCompanyId });
    const response: EnrollResponse = { token: enrolled.token, member: enrolled.member, place: await placeOf(store.sql, enrolled) };
    return c.json(response, 201);
  });
}
