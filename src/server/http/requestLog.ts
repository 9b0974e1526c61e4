// One JSON line per request on stdout. The path is logged without its query, and nothing from
// headers, so a token can never end up in a log.
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env';

export function requestLog(write: (line: string) => void) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    await next();
    const entry = {
      t: new Date().toISOString(),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      deviceId: c.get('caller')?.deviceId,
    };
    write(`${JSON.stringify(entry)}\n`);
  });
}
