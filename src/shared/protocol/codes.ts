// Machine-readable codes of the endpoint: its error codes and its per-mutation rejection codes.
// The app maps each to words in both languages. Both lists are closed on the phone: a code a
// newer endpoint sends that this app does not know reads as 'unknown'. No schema library here,
// so the first screen can word a stored code without loading one (the schemas are in ./errors).

export const ERROR_CODES = [
  'invalid_body',
  'invalid_query',
  'unauthorized',
  'token_revoked',
  'forbidden',
  'enroll_invalid',
  'payload_too_large',
  'rate_limited',
  // A device's photo uploads over its daily byte quota: the phone keeps the photo and tries later.
  'quota_exceeded',
  'not_found',
  'hash_mismatch',
  'not_an_image',
  'invalid_week',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Per-mutation rejection codes, found in a push response's `rejected` list. */
// stale_status: a lifecycle event that was valid on its author's phone but no longer is, because
// another device changed the hazard's status first.
export const REJECTION_CODES = ['forbidden', 'conflict', 'invalid', 'stale_status'] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

/** What a code this app does not know reads as. The endpoint never sends it. */
export const UNKNOWN_CODE = 'unknown';

const closedList = <C extends string>(codes: readonly C[]) => {
  const known: ReadonlySet<unknown> = new Set(codes);
  return (code: unknown): C | typeof UNKNOWN_CODE => (known.has(code) ? (code as C) : UNKNOWN_CODE);
};

/** The code if this app knows it, else 'unknown' (also for a row stored without one). */
export const asErrorCode = closedList(ERROR_CODES);
export const asRejectionCode = closedList(REJECTION_CODES);
