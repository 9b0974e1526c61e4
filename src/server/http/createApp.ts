// Assembles the endpoint: security headers, CORS and the request log around everything; under
// /api a deadline, JSON errors and a 1 MB body cap; bearer auth and a per-device rate limit on
// all but health and enroll; then the PWA. Error bodies never carry a stack or internals.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Store } from '../store/openStore';
import { adminRoutes } from '../routes/admin';
import { streetRoutes } from '../routes/street';
import { PdfReports } from '../report/pdfReports';
import { deviceRoutes } from '../routes/devices';
import { enrollRoutes } from '../routes/enroll';
import { mapConfigRoutes, roundsRangeRoutes } from '../routes/map';
import { DEFAULT_BASEMAP, type BasemapConfig } from '../../shared/map/basemap';
import { DEFAULT_PHOTO_QUOTA_BYTES, photoRoutes } from '../routes/photos';
import { pullRoutes } from '../routes/pull';
import { pushRoutes } from '../routes/push';
import { communityConfigRoutes, communityTimeZone, reportRoutes } from '../routes/reports';
import { ApiError, errorJson } from './apiError';
import { requireDevice } from './auth';
import { corsAllowList } from './cors';
import type { AppEnv, AuthedEnv } from './env';
import { DEFAULT_RATE_LIMIT, rateLimitPerDevice, type RateLimit } from './rateLimit';
import { requestLog } from './requestLog';
import { DEFAULT_REQUEST_TIMEOUT_MS, requestTimeout } from './requestTimeout';
import { contentSecurityPolicy, NO_EXTRA_SOURCES, securityHeaders, type CspSources } from './securityHeaders';
import { staticFiles } from './staticFiles';
import { payloadTooLarge } from './tooLarge';
import { noStore } from './noStore';
import type { TrustedProxies } from './clientAddress';
import { QueueFull } from '../report/workQueue';

import { MAX_BODY_BYTES } from '../../shared/protocol/limits';

export { MAX_BODY_BYTES };
// Photo uploads count per device like every other request (600 a minute); a week offline's
// backlog goes up in a few minutes. The bytes are bounded by the daily quota (routes/photos.ts).
export const PHOTO_RATE_LIMIT: RateLimit = { burst: 600, perMinute: 600 };

export interface AppOptions {
  store: Store;
  staticDir: string;
  demo: boolean;
  now: () => Date;
  log: ((line: string) => void) | null;
  /** Origins allowed to call the API from another origin (CORS_ORIGINS); none by default. */
  corsOrigins?: readonly string[];
  /** Extra CSP sources (map tile hosts); none by default. */
  csp?: CspSources;
  rateLimit?: RateLimit;
  requestTimeoutMs?: number;
  /** The basemap leads' maps draw (MAP_PROVIDER…); OSM by default. */
  map?: BasemapConfig;
  /** Proxies whose X-Forwarded-For is believed (TRUST_PROXY); none by default. */
  trustProxy?: TrustedProxies;
  /** Per-device photo limits (PHOTO_QUOTA_MB_PER_DAY, PHOTO_UPLOADS_PER_MINUTE); the bench raises them. */
  photoLimits?: { quotaBytesPerDay: number; rate: RateLimit };
}

export function createApp(options: AppOptions): Hono<AppEnv> {
  const { store, staticDir, demo, now, log } = options;
  const app = new Hono<AppEnv>();
  app.use(securityHeaders(contentSecurityPolicy(options.csp ?? NO_EXTRA_SOURCES)));
  if (log) app.use(requestLog(log));
  app.use(corsAllowList(options.corsOrigins ?? []));

  app.use('/api/*', noStore);
  app.use('/api/*', requestTimeout(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS));
  const jsonBodyLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => payloadTooLarge(c, MAX_BODY_BYTES),
  });
  // Photo PUTs carry up to 5 MB of bytes; their route counts them itself (routes/photos.ts).
  app.use('/api/*', (c, next) => (c.req.path.startsWith('/api/v1/photos/') ? next() : jsonBodyLimit(c, next)));
  app.get('/api/v1/health', (c) => c.json({ ok: true }, 200));
  app.route('/api/v1/enroll', enrollRoutes(store, { demo, now, trustProxy: options.trustProxy ?? null }));

  const authed = new Hono<AuthedEnv>();
  const perDevice = rateLimitPerDevice(options.rateLimit ?? DEFAULT_RATE_LIMIT, now);
  // Scoped to known prefixes so an unknown /api path is a 404, not a 401.
  for (const prefix of ['/sync/*', '/admin/*', '/street/*', '/devices', '/devices/*', '/reports/*', '/config/*', '/rounds']) authed.use(prefix, requireDevice(store, now), perDevice);
  authed.route('/sync/push', pushRoutes(store, now));
  authed.route('/sync/pull', pullRoutes(store));
  authed.route('/admin', adminRoutes(store, now));
  authed.route('/devices', deviceRoutes(store, now));
  const timeZone = communityTimeZone();
  const pdfs = new PdfReports();
  authed.route('/reports', reportRoutes(store, { now, timeZone, pdfs }));
  authed.route('/street', streetRoutes(store, { now, timeZone, pdfs }));
  authed.route('/config/community', communityConfigRoutes(store, timeZone));
  authed.route('/config/map', mapConfigRoutes(options.map ?? DEFAULT_BASEMAP));
  authed.route('/rounds', roundsRangeRoutes(store));
  // Photos have their own, larger bucket: a week offline can queue hundreds of them.
  authed.use('/photos/*', requireDevice(store, now), rateLimitPerDevice(options.photoLimits?.rate ?? PHOTO_RATE_LIMIT, now));
  authed.route('/photos', photoRoutes(store, now, { quotaBytesPerDay: options.photoLimits?.quotaBytesPerDay ?? DEFAULT_PHOTO_QUOTA_BYTES }));
  app.route('/api/v1', authed);

  app.all('/api/*', (c) => errorJson(c, 404, 'not_found', `no route ${c.req.method} ${c.req.path}`));
  app.route('/', staticFiles(staticDir));

  app.onError((err, c) => {
    if (err instanceof QueueFull) c.header('Retry-After', String(err.retryAfterSeconds));
    if (err instanceof ApiError) return errorJson(c, err.status, err.code, err.message);
    // A request whose client went away: nobody reads the answer.
    if (c.req.raw.signal.aborted) return new Response(null, { status: 499 });
    // The stack goes to the operator's stderr only; the client learns nothing about internals.
    console.error(`[${c.req.method} ${c.req.path}]`, err);
    return errorJson(c, 500, 'internal', 'internal error');
  });
  return app;
}
