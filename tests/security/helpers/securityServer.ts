// The real endpoint in-process for the security suite: a temp DATA_DIR, a fresh database on the
// run's backend, a STATIC_DIR with files planted *outside* it (to catch traversal), every log
// line captured, and a clock that moves only when a test says so, so rate limits and server
// timestamps are exact.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer, type StartOptions } from '../../../src/server/startServer';
import type { Sql } from '../../../src/server/store/sql/sql';
import { freshDatabaseUrl } from '../../server/helpers/backend';

/** Text of files next to STATIC_DIR that must never be served. */
export const OUTSIDE_MARKER = 'OUTSIDE-STATIC-DIR-7f3a';
export const INDEX_MARKER = 'Patrol Log security suite';
// The real time at the start, then moved only by tests: the endpoint refuses records dated more
// than 24 h ahead of its clock, and the probes' records carry the real time.
export const CLOCK_START = Date.now();

export interface SecurityServer {
  url: string;
  port: number;
  dataDir: string;
  store: RunningServer['store'];
  /** The server's database (portable SQL, `?` placeholders), to check that nothing changed. */
  sql: Sql;
  /** The DATABASE_URL it runs on (undefined: SQLite in dataDir), to open the same data again. */
  databaseUrl: string | undefined;
  /** Every request-log line written so far. */
  logs: string[];
  clock: { now: () => Date; advance: (ms: number) => void };
  close: () => Promise<void>;
}

type Tuning = Pick<StartOptions, 'rateLimit' | 'requestTimeoutMs' | 'corsOrigins' | 'trustProxy'>;

export async function startSecurityServer(tuning: Tuning = {}): Promise<SecurityServer> {
  const parent = mkdtempSync(join(tmpdir(), 'patrol-security-'));
  const staticDir = join(parent, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), `<!doctype html><title>${INDEX_MARKER}</title>`);
  writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'console.log("app")');
  writeFileSync(join(parent, 'package.json'), OUTSIDE_MARKER);
  writeFileSync(join(parent, 'secret.txt'), OUTSIDE_MARKER);

  let nowMs = CLOCK_START;
  const clock = { now: () => new Date(nowMs), advance: (ms: number) => void (nowMs += ms) };
  const logs: string[] = [];
  const dataDir = join(parent, 'data');
  const databaseUrl = await freshDatabaseUrl();
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl,
    staticDir,
    demo: true,
    log: (line) => logs.push(line),
    now: clock.now,
    ...tuning,
  });
  return { url: server.url, port: server.port, dataDir, store: server.store, sql: server.store.sql, databaseUrl, logs, clock, close: server.close };
}
