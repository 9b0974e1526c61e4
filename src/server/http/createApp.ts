// Assembles the endpoint: security headers and the request log around everything, JSON errors
// and a 1 MB body cap under /api, bearer auth on all but health and enroll, then the PWA.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type Database from 'better-sqlite3';
import { adminRoutes } from '../routes/admin';
import { enrollRoutes } from '../routes/enroll';
import { pullRoutes } from '../routes/pull';
import { pushRoutes } from '../routes/push';
import { ApiError, errorJson } from './apiError';
import { requireDevice } from './auth';
import type { AppEnv, AuthedEnv } from './env';
import { requestLog } from './requestLog';
import { staticFiles } from './staticFiles';
import { payloadTooLarge } from './tooLarge';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface AppOptions {
  db: Database.Database;
  staticDir: string;
  demo: boolean;
  now: () => Date;
  log: ((line: string) => void) | null;
}

export function createApp({ db, staticDir, demo, now, log }: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  });
  if (log) app.use(requestLog(log));

  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => payloadTooLarge(c, MAX_BODY_BYTES),
    }),
  );
  app.get('/api/v1/health', (c) => c.json({ ok: true }, 200));
  app.route('/api/v1/enroll', enrollRoutes(db, { demo, now }));

  const authed = new Hono<AuthedEnv>();
  // Scoped to known prefixes so an unknown /api path is a 404, not a 401.
  authed.use('/sync/*', requireDevice(db, now));
  authed.use('/admin/*', requireDevice(db, now));
  authed.route('/sync/push', pushRoutes(db, now));
  authed.route('/sync/pull', pullRoutes(db));
  authed.route('/admin', adminRoutes(db));
  app.route('/api/v1', authed);

  app.all('/api/*', (c) => errorJson(c, 404, 'not_found', `no route ${c.req.method} ${c.req.path}`));
  app.route('/', staticFiles(staticDir));

  app.onError((err, c) => {
    if (err instanceof ApiError) return errorJson(c, err.status, err.code, err.message);
    console.error(`[${c.req.method} ${c.req.path}]`, err);
    return errorJson(c, 500, 'internal', 'internal error');
  });
  return app;
}
