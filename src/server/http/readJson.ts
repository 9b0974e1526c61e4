// Reads a JSON body and parses it with a shared schema. A failure names the first bad path,
// so a client developer can fix the request without reading server logs.
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { ApiError } from './apiError';

export async function readJson<S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ApiError(400, 'invalid_body', 'body is not valid JSON');
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)';
    throw new ApiError(400, 'invalid_body', `${path}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}
