// The endpoint's entry point (`npm run serve`, and `npm start` after install and build).
// Configuration comes from the environment only; SIGTERM/SIGINT drain requests, then exit 0.
import { resolve } from 'node:path';
import { parseCorsOrigins } from './http/cors';
import { parseTrustProxy } from './http/clientAddress';
import { DEMO_ENROLLMENTS } from './seed/demoCommunity';
import { OTHER_DEMO_ENROLLMENTS } from './seed/demoStreet';
import { startServer } from './startServer';
import { hasAdmin } from './store/admins';
import { photoStoreFromEnv } from './photos/photoStoreFromEnv';
import { DEFAULT_RATE_LIMIT, type RateLimit } from './http/rateLimit';
import { seedDemoWeek } from './seed/demoWeek';
import { mapConfigFromEnv, mapCspSources } from './config/mapConfig';

function envPort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 8080;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got ${JSON.stringify(raw)}`);
  }
  return port;
}

/**
 * ENDPOINT_PROCESSES (1): how many endpoint processes share the load behind one balancer. Request
 * rates are counted in each process's memory (a database round trip per request would cost more
 * than the request), so each process allows its share of the per-device limits.
 */
function processCount(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new Error(`ENDPOINT_PROCESSES must be an integer from 1 to 1000, got ${JSON.stringify(raw)}`);
  return n;
}

const share = (limit: RateLimit, processes: number): RateLimit => ({
  burst: Math.max(1, Math.floor(limit.burst / processes)),
  perMinute: Math.max(1, Math.floor(limit.perMinute / processes)),
});

/** PHOTO_QUOTA_MB_PER_DAY (200) and PHOTO_UPLOADS_PER_MINUTE (600), per device. */
function photoLimitsFromEnv(vars: NodeJS.ProcessEnv, processes: number) {
  const number = (name: string, fallback: number) => {
    const raw = vars[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!(Number.isFinite(value) && value > 0)) throw new Error(`${name} must be a positive number, got ${JSON.stringify(raw)}`);
    return value;
  };
  const perMinute = number('PHOTO_UPLOADS_PER_MINUTE', 600);
  // The byte quota is summed in the database, so it holds across processes as it is.
  return { quotaBytesPerDay: number('PHOTO_QUOTA_MB_PER_DAY', 200) * 1024 * 1024, rate: share({ burst: perMinute, perMinute }, processes) };
}

const env = process.env;
const demo = (env.DEMO ?? '1') !== '0';
const map = mapConfigFromEnv(env);
const dataDir = resolve(env.DATA_DIR || './data');
const processes = processCount(env.ENDPOINT_PROCESSES);
const server = await startServer({
  port: envPort(env.PORT),
  host: env.HOST || '127.0.0.1',
  dataDir,
  databaseUrl: env.DATABASE_URL || undefined,
  poolSize: env.PG_POOL_SIZE ? Number(env.PG_POOL_SIZE) : undefined,
  photos: photoStoreFromEnv(env, dataDir),
  staticDir: resolve(env.STATIC_DIR || './dist'),
  demo,
  log: true,
  corsOrigins: parseCorsOrigins(env.CORS_ORIGINS),
  map,
  csp: mapCspSources(map),
  trustProxy: parseTrustProxy(env.TRUST_PROXY),
  photoLimits: photoLimitsFromEnv(env, processes),
  rateLimit: share(DEFAULT_RATE_LIMIT, processes),
});

// A week of demo history for the weekly report, on request only (tests want an empty demo).
if (server.demo && env.DEMO_REPORT_WEEK === '1') await seedDemoWeek(server.store.sql, new Date(), env.COMMUNITY_TZ || undefined);
console.log(`Patrol Log (巡逻日志) is serving at ${server.url}`);
if (demo && !server.demo) console.log('This database is a real community: demo codes stay off whatever DEMO says.');
if (!server.demo && !(await hasAdmin(server.store.sql))) {
  console.log('No community admin yet. Create the first one with: npm run admin -- create --name "<name>"');
}
if (server.demo) {
  console.log(server.seeded ? 'Seeded the demo community. Demo codes are PUBLIC: anyone can enroll with them.' : 'Demo mode (demo codes are public).');
  console.log('Turn this database into a real community with: npm run admin -- convert [--drop-history]');
  console.log('Enrollment codes:');
  for (const { code, member } of DEMO_ENROLLMENTS) {
    console.log(`  ${code.padEnd(12)} ${member.name} (${member.role}${member.teamId ? `, ${member.teamId}` : ''}, Jianxinglu)`);
  }
  for (const { code, member, communityId } of OTHER_DEMO_ENROLLMENTS) {
    const where = communityId ?? (member.propertyCompanyId ? `staff of ${member.propertyCompanyId}` : 'the street office');
    console.log(`  ${code.padEnd(12)} ${member.name} (${member.role}${member.teamId ? `, ${member.teamId}` : ''}, ${where})`);
  }
}

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  // The launcher forwards signals the terminal also sent; one shutdown is enough.
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing in-flight requests`);
  server.close().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
