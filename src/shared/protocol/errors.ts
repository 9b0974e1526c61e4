// Machine-readable error codes of the endpoint. The app maps each to words in both languages.
import * as z from 'zod/mini';

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

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Per-mutation rejection codes, found in a push response's `rejected` list. */
// stale_status: a lifecycle event that was valid on its author's phone but no longer is, because
// another device changed the hazard's status first.
export const REJECTION_CODES = ['forbidden', 'conflict', 'invalid', 'stale_status'] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];
