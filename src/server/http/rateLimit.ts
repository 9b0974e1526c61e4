// Per-device rate limit: a token bucket per device id, sized so a normal client never meets it
// (a full sync of 10,000 waiting records is ~40 pushes and a few pulls) while a stolen or
// runaway token cannot hammer the endpoint. Refused requests get 429 with Retry-After.
import { createMiddleware } from 'hono/factory';
import { ApiError } from './apiError';
import type { AuthedEnv } from './env';

export interface RateLimit {
  /** Requests a device may make in a burst; the bucket holds this many. */
  burst: number;
  /** Requests a minute the bucket refills at. */
  perMinute: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 600, perMinute: 600 };

interface Bucket {
  tokens: number;
  atMs: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly limit: RateLimit,
    // Bounds memory; a forgotten bucket comes back full, which only errs towards allowing.
    private readonly maxKeys = 10_000,
  ) {
    if (!(limit.burst >= 1 && limit.perMinute > 0)) throw new Error(`bad rate limit ${JSON.stringify(limit)}`);
    this.perMs = limit.perMinute / 60_000;
  }

  /** Takes one request from the key's bucket: 0 when allowed, else the ms until one is available. */
  take(key: string, nowMs: number): number {
    const previous = this.buckets.get(key);
    const elapsed = previous ? Math.max(0, nowMs - previous.atMs) : 0;
    const tokens = previous ? Math.min(this.limit.burst, previous.tokens + elapsed * this.perMs) : this.limit.burst;
    this.buckets.delete(key);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, atMs: nowMs });
      return Math.ceil((1 - tokens) / this.perMs);
    }
    this.buckets.set(key, { tokens: tokens - 1, atMs: nowMs });
    if (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    return 0;
  }
}

/** Mounted after requireDevice: the bucket is the authenticated device's. */
export function rateLimitPerDevice(limit: RateLimit, now: () => Date) {
  const buckets = new TokenBuckets(limit);
  return createMiddleware<AuthedEnv>(async (c, next) => {
    const waitMs = buckets.take(c.get('caller').deviceId, now().getTime());
    if (waitMs > 0) {
      c.header('Retry-After', String(Math.max(1, Math.ceil(waitMs / 1000))));
      throw new ApiError(429, 'rate_limited', `more than ${limit.perMinute} requests a minute from this device; slow down`);
    }
    await next();
  });
}
