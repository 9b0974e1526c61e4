// Cross-origin access. None by default: the app and the endpoint share one origin. Origins in
// CORS_ORIGINS get the headers; any other origin gets none, preflight included, so the browser
// refuses the call before it is made.
import { createMiddleware } from 'hono/factory';

/** Parses CORS_ORIGINS ("https://a.example, https://b.example"); throws on anything not an origin. */
export function parseCorsOrigins(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  const origins = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const origin of origins) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (parsed === null || parsed.origin !== origin) {
      throw new Error(`CORS_ORIGINS entries must be origins like https://host[:port], got ${JSON.stringify(origin)}`);
    }
  }
  return origins;
}

const PREFLIGHT_MAX_AGE_S = 600;

export function corsAllowList(origins: readonly string[]) {
  const allowed = new Set(origins);
  return createMiddleware(async (c, next) => {
    if (allowed.size === 0) return next();
    const origin = c.req.header('origin');
    const listed = origin !== undefined && allowed.has(origin);
    if (listed && c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Allow-Methods', 'GET, POST');
      // Bearer tokens, not cookies: no Allow-Credentials.
      c.header('Access-Control-Allow-Headers', 'authorization, content-type');
      c.header('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_S));
      c.header('Vary', 'Origin');
      return c.body(null, 204);
    }
    await next();
    // The answer depends on Origin whenever an allow-list exists; caches must key on it.
    c.header('Vary', 'Origin', { append: true });
    if (listed) c.header('Access-Control-Allow-Origin', origin);
  });
}
