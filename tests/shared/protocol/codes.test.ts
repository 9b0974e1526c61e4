// The closed code lists, read without a schema: a code this app does not know is 'unknown'.
import { describe, expect, it } from 'vitest';
import { asErrorCode, asRejectionCode, ERROR_CODES, REJECTION_CODES, UNKNOWN_CODE } from '../../../src/shared/protocol/codes';

describe('closed code lists', () => {
  it('keep every known code as it is', () => {
    for (const code of ERROR_CODES) expect(asErrorCode(code)).toBe(code);
    for (const code of REJECTION_CODES) expect(asRejectionCode(code)).toBe(code);
  });

  it('read anything else as unknown: a newer endpoint\'s code, another list\'s, none at all', () => {
    expect(asRejectionCode('quarantined')).toBe(UNKNOWN_CODE);
    expect(asRejectionCode('internal')).toBe(UNKNOWN_CODE);
    expect(asErrorCode('conflict')).toBe(UNKNOWN_CODE);
    expect(asRejectionCode(undefined)).toBe(UNKNOWN_CODE);
    expect(asErrorCode(null)).toBe(UNKNOWN_CODE);
  });

  it('never use unknown as a real code', () => {
    expect(ERROR_CODES).not.toContain(UNKNOWN_CODE);
    expect(REJECTION_CODES).not.toContain(UNKNOWN_CODE);
  });
});
