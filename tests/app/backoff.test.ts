import { describe, expect, it } from 'vitest';
import { backoffDelay, BACKOFF_BASE_MS, BACKOFF_CAP_MS } from '../../src/app/sync/backoff';

describe('backoffDelay (full jitter)', () => {
  it('grows exponentially at the top of the jitter range', () => {
    const top = () => 0.999999;
    expect(backoffDelay(1, top)).toBe(Math.floor(0.999999 * BACKOFF_BASE_MS));
    expect(backoffDelay(2, top)).toBe(Math.floor(0.999999 * BACKOFF_BASE_MS * 2));
    expect(backoffDelay(4, top)).toBe(Math.floor(0.999999 * BACKOFF_BASE_MS * 8));
  });

  it('is capped at 5 minutes however many failures', () => {
    expect(backoffDelay(50, () => 0.999999)).toBeLessThan(BACKOFF_CAP_MS);
    expect(backoffDelay(50, () => 0.999999)).toBeGreaterThan(BACKOFF_CAP_MS * 0.99);
    expect(BACKOFF_CAP_MS).toBe(300_000);
  });

  it('spreads over the whole range from zero', () => {
    expect(backoffDelay(5, () => 0)).toBe(0);
    expect(backoffDelay(5, () => 0.5)).toBe(BACKOFF_BASE_MS * 8);
  });
});
