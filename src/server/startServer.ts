// Starts the endpoint in-process: opens and migrates the store (SQLite or PostgreSQL), seeds an
// empty one, and listens. close() stops accepting, lets in-flight requests finish, then closes
// the store. The process keeps no state another process would need: any number of them can
// serve one PostgreSQL database.
import { getRequestListener } from '@hono/node-server';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './http/createApp';
import type { RateLimit } from './http/rateLimit';
import type { TrustedProxies } from './http/clientAddress';
import type { CspSources } from './http/securityHeaders';
import type { BasemapConfig } from '../shared/map/basemap';
import { seedIfEmpty } from './seed/seedIfEmpty';
import { openStore, type Store } from './store/openStore';
import { demoCodesHonoured } from './store/mode';
import { purgeUnreferencedPhotos } from './store/photos';
import type { PhotoStore } from './photos/photoStore';

export interface StartOptions {
  port: number;
  host: string;
  dataDir: string;
  /** postgres://… selects PostgreSQL (DATABASE_URL); unset means SQLite in dataDir. */
  databaseUrl?: string;
  /** Where photo bytes go (PHOTO_STORE); DATA_DIR/photos by default. */
  photos?: PhotoStore;
  /** Connections to PostgreSQL this process keeps (PG_POOL_SIZE); 10 by default. */
  poolSize?: number;
  staticDir: string;
  /** Seed the demo community on an empty database and honour the demo codes. */
  demo: boolean;
  /** false silences the per-request log (tests); a function receives each JSON line. */
  log: boolean | ((line: string) => void);
  /** The server's clock; tests move it to age out rate-limit windows and codes. */
  now?: () => Date;
  /** Origins allowed to call the API cross-origin (CORS_ORIGINS); none by default. */
  corsOrigins?: readonly string[];
  /** Extra CSP sources, for map tile hosts; none by default. */
  csp?: CspSources;
  /** Per-device request limit; defaults to 600 a minute with a burst of 600. */
  rateLimit?: RateLimit;
  /** Deadline of one API request; defaults to 30 s. */
  requestTimeoutMs?: number;
  /** The basemap served to the app; OSM by default. */
  map?: BasemapConfig;
  /** Proxies whose X-Forwarded-For is believed (TRUST_PROXY); none by default. */
  trustProxy?: TrustedProxies;
  /** Per-device photo limits; a daily quota of 200 MB and 600 uploads a minute by default. */
  photoLimits?: { quotaBytesPerDay: number; rate: RateLimit };
}

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  /** True when this start wrote the demo community into an empty database. */
  seeded: boolean;
  /** True when demo codes are honoured: a demo database started in demo mode. */
  demo: boolean;
  close(): Promise<void>;
}

// In-flight requests get this long to finish on shutdown before connections are cut.
const DRAIN_MS = 10_000;

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const now = options.now ?? (() => new Date());
  const store = await openStore({ dataDir: options.dataDir, databaseUrl: options.databaseUrl, photos: options.photos, poolSize: options.poolSize });
  // The database's own record decides: DEMO=1 on a real community's database changes nothing.
  const demo = await demoCodesHonoured(store.sql, options.demo);
  const seeded = await seedIfEmpty(store.sql, { demo, now: now() });
  const log =
    options.log === false ? null : options.log === true ? (line: string) => process.stdout.write(line) : options.log;
  const app = createApp({
    store,
    staticDir: options.staticDir,
    demo,
    now,
    log,
    corsOrigins: options.corsOrigins,
    csp: options.csp,
    rateLimit: options.rateLimit,
    requestTimeoutMs: options.requestTimeoutMs,
    map: options.map,
    trustProxy: options.trustProxy,
    photoLimits: options.photoLimits,
  });

  // Photos no record has named for 7 days go, at start and hourly (in the background).
  const purge = () => void purgeUnreferencedPhotos(store.sql, store.photos, now()).catch((error: unknown) => console.error('photo purge failed', error));
  purge();
  const purgeTimer = setInterval(purge, 3_600_000);
  purgeTimer.unref();

  let closing: Promise<void> | undefined;
  const server = createServer(getRequestListener(app.fetch));
  // An idle keep-alive connection is closed after 65 s, not Node's 5 s: when a report's work
  // holds the loop for a few seconds, a 5 s timer fires late, just as the client sends its next
  // request on that connection, and the request is lost to a reset. 65 s is also longer than a
  // proxy's idle timeout in front (nginx keeps upstream connections 60 s), as proxies expect.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // closeIdleConnections() at close() reaches only connections idle at that moment; one whose
  // in-flight request finishes later would sit in keep-alive (5 s) and hold up the exit.
  server.on('request', (_req, res) => {
    res.once('finish', () => {
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const bound = server.address();
      if (bound === null || typeof bound === 'string') reject(new Error(`unexpected listen address ${String(bound)}`));
      else resolve(bound);
    });
  });
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;

  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      const force = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
      clearInterval(purgeTimer);
      server.close(() => {
        clearTimeout(force);
        void store.close().then(resolve, (error: unknown) => {
          console.error('closing the store failed', error);
          resolve();
        });
      });
      server.closeIdleConnections();
    }));
  return { url, port: address.port, store, seeded, demo, close };
}
