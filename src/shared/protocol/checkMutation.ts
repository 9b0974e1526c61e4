// Checks one pushed (or imported) mutation against the shared schema, and says what is wrong in
// a line that names the field ("data.severity: Invalid option…"). The endpoint answers a failure
// as a per-mutation `invalid`; the backup import reports it and skips the row.
import type * as z from 'zod/mini';
import { mutationSchema, type Mutation } from './sync';

/** Longer ids are not echoed back: a real one is a 36-character uuid. */
export const MAX_ECHOED_ID_LENGTH = 100;

export type CheckedMutation =
  | { ok: true; mutation: Mutation }
  /** `id` is the element's own id when it is a short string (even a bad one), else ''. */
  | { ok: false; id: string; message: string; error: z.core.$ZodError };

/** "path: message" for the first issue (the path left out when the value itself is wrong). */
export function describeIssue(error: z.core.$ZodError, prefix: readonly (string | number)[] = []): string {
  const issue = error.issues[0];
  const path = [...prefix, ...(issue?.path ?? [])].map(String).join('.');
  const message = issue?.message ?? 'Invalid input';
  return path === '' ? message : `${path}: ${message}`;
}

/** The element's id, if it carries one the sender could know its record by. */
export function usableId(value: unknown): string {
  if (typeof value !== 'object' || value === null || !('id' in value)) return '';
  const id = value.id;
  return typeof id === 'string' && id.length > 0 && id.length <= MAX_ECHOED_ID_LENGTH ? id : '';
}

/**
 * `error` is zod's message map: the endpoint passes the English one; zod/mini alone says only
 * "Invalid input", which the field's path still makes useful.
 */
export function checkMutation(value: unknown, error?: z.core.$ZodErrorMap): CheckedMutation {
  const result = error ? mutationSchema.safeParse(value, { error }) : mutationSchema.safeParse(value);
  if (result.success) return { ok: true, mutation: result.data };
  return { ok: false, id: usableId(value), message: describeIssue(result.error), error: result.error };
}
