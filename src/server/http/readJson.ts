// Reads a JSON body and parses it with a shared schema. A failure names the first bad path and
// what is wrong there ("mutations: Too big: expected array to have <=500 items"), so a client
// developer can fix the request without reading server logs.
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { ApiError } from './apiError';

// zod/mini carries no messages ("Invalid input") to keep the app's bundle small; the server
// can afford the English ones, passed per parse so no global setting is changed.
export const englishMessages = z.locales.en().localeError;

export async function readJson<S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ApiError(400, 'invalid_body', 'body is not valid JSON');
  }
  const result = schema.safeParse(body, { error: englishMessages });
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)';
    throw new ApiError(400, 'invalid_body', `${path}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}
