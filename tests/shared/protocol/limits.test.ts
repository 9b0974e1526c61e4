// The wire's limits, as the endpoint enforces them (its routes import these same constants).
import { describe, expect, it } from 'vitest';
import * as limits from '../../../src/shared/protocol/limits';
import * as sync from '../../../src/shared/protocol/sync';

describe('wire limits', () => {
  it('are the endpoint\'s figures', () => {
    expect({ ...limits }).toEqual({
      MAX_BODY_BYTES: 1024 * 1024,
      MAX_PHOTO_BYTES: 5 * 1024 * 1024,
      MAX_MUTATIONS_PER_PUSH: 1000,
      MAX_PUSH_BODY_BYTES: 768 * 1024,
      MAX_PULL_LIMIT: 1000,
      MAX_RANGE_DAYS: 31,
    });
  });

  it('leave a push room under the body cap', () => {
    expect(limits.MAX_PUSH_BODY_BYTES).toBeLessThan(limits.MAX_BODY_BYTES);
  });

  it('are what the sync schemas hold a push to', () => {
    expect(sync.pushRequestSchema.safeParse({ mutations: Array.from({ length: limits.MAX_MUTATIONS_PER_PUSH + 1 }, () => ({})) }).success).toBe(false);
  });
});
