// The closed code lists: a code from a newer endpoint reads 'unknown', its message kept, and the
// answer around it still parses.
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, REJECTION_CODES } from '../../../src/shared/protocol/codes';
import { errorBodySchema } from '../../../src/shared/protocol/errors';
import { PROTOCOL, pushResponseSchema } from '../../../src/shared/protocol/sync';

describe('error body', () => {
  it.each(ERROR_CODES)('keeps the known code %s', (code) => {
    expect(errorBodySchema.parse({ error: { code, message: 'm' } }).error.code).toBe(code);
  });

  it('reads a newer endpoint\'s code as unknown and keeps its message', () => {
    const parsed = errorBodySchema.parse({ error: { code: 'device_retired', message: 'this phone was retired; enroll again' } });
    expect(parsed).toEqual({ error: { code: 'unknown', message: 'this phone was retired; enroll again' } });
  });

  it('is still not any JSON: a code must be a string, a message must be there', () => {
    expect(errorBodySchema.safeParse({ error: { code: 42, message: 'm' } }).success).toBe(false);
    expect(errorBodySchema.safeParse({ error: { code: 'internal' } }).success).toBe(false);
    expect(errorBodySchema.safeParse('<html>bad gateway</html>').success).toBe(false);
  });
});

describe('rejections in a push response', () => {
  const answer = (code: string) => ({ protocol: PROTOCOL, acked: ['a'], rejected: [{ id: 'b', code, message: 'said the endpoint' }] });

  it.each(REJECTION_CODES)('keeps the known code %s', (code) => {
    expect(pushResponseSchema.parse(answer(code)).rejected[0]?.code).toBe(code);
  });

  it('reads a newer endpoint\'s code as unknown; the rest of the answer stands', () => {
    expect(pushResponseSchema.parse(answer('quarantined'))).toEqual({
      protocol: PROTOCOL,
      acked: ['a'],
      rejected: [{ id: 'b', code: 'unknown', message: 'said the endpoint' }],
    });
  });
});
