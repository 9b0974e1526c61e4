// Counts failed attempts per key (a client address, a code) in a sliding window. Past the limit
// the key is refused outright, even with a right answer, until old failures age out; that is what
// makes guessing enrollment codes slow. The count is kept in the database (store/enrollFailures.ts),
// so it holds across every endpoint process serving one database.
import { recentFailures, recordFailure } from '../store/enrollFailures';
import type { Sql } from '../store/sql/sql';

export class FailureLimiter {
  constructor(
    private readonly sql: Sql,
    /** Keeps one limiter's keys apart from another's in the shared table. */
    private readonly kind: string,
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {}

  private recent(key: string, nowMs: number): Promise<number[]> {
    return recentFailures(this.sql, `${this.kind}:${key}`, nowMs - this.windowMs);
  }

  async isLimited(key: string, nowMs: number): Promise<boolean> {
    return (await this.recent(key, nowMs)).length >= this.maxFailures;
  }

  /** How long until the oldest counted failure ages out (0 when not limited). */
  async retryAfterMs(key: string, nowMs: number): Promise<number> {
    const recent = await this.recent(key, nowMs);
    const oldest = recent[recent.length - this.maxFailures];
    return oldest === undefined ? 0 : Math.max(0, oldest + this.windowMs - nowMs);
  }

  recordFailure(key: string, nowMs: number): Promise<void> {
    return recordFailure(this.sql, `${this.kind}:${key}`, nowMs, this.windowMs);
  }
}
