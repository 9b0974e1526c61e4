// Counts failed attempts per client address in a sliding one-minute window. Past the limit the
// address is refused outright, even with a right answer, until old failures age out; that is
// what makes guessing enrollment codes slow.
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    // Bounds memory if many addresses fail at once; the oldest address is forgotten first.
    private readonly maxAddresses = 10_000,
  ) {}

  isLimited(address: string, nowMs: number): boolean {
    return this.recent(address, nowMs).length >= this.maxFailures;
  }

  /** How long until the oldest counted failure ages out (0 when not limited). */
  retryAfterMs(address: string, nowMs: number): number {
    const recent = this.recent(address, nowMs);
    const oldest = recent[recent.length - this.maxFailures];
    return oldest === undefined ? 0 : Math.max(0, oldest + this.windowMs - nowMs);
  }

  recordFailure(address: string, nowMs: number): void {
    const recent = this.recent(address, nowMs);
    recent.push(nowMs);
    this.failures.delete(address);
    this.failures.set(address, recent);
    if (this.failures.size > this.maxAddresses) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }

  private recent(address: string, nowMs: number): number[] {
    const kept = (this.failures.get(address) ?? []).filter((t) => nowMs - t < this.windowMs);
    if (kept.length === 0) this.failures.delete(address);
    else this.failures.set(address, kept);
    return kept;
  }
}
