// Starts the real endpoint in-process for a test file: a fresh temp DATA_DIR, a fresh database on
// the run's backend (a real SQLite file, or a PostgreSQL schema of its own), a fake built PWA,
// and real HTTP on 127.0.0.1 on a free port.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer, type StartOptions } from '../../../src/server/startServer';
import type { Sql } from '../../../src/server/store/sql/sql';
import { freshDatabaseUrl } from './backend';

export interface TestServer {
  url: string;
  dataDir: string;
  staticDir: string;
  store: RunningServer['store'];
  /** The server's database, for a test to read what was stored (portable SQL, `?` placeholders). */
  sql: Sql;
  /** The DATABASE_URL it runs on (undefined: SQLite in dataDir), to start it again on the same data. */
  databaseUrl: string | undefined;
  /** The server's clock: move it forward with advance(ms). */
  clock: { now: () => Date; advance: (ms: number) => void };
  close: () => Promise<void>;
}

export function makeStaticDir(withIndex = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'patrol-static-'));
  mkdirSync(join(dir, 'assets'));
  if (withIndex) writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Patrol Log test</title>');
  writeFileSync(join(dir, 'sw.js'), '// test service worker');
  writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"Patrol Log"}');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("app")');
  return dir;
}

export async function startTestServer(
  options: { demo?: boolean; staticDir?: string; dataDir?: string; databaseUrl?: string; photoLimits?: StartOptions['photoLimits'] } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'patrol-server-'));
  const staticDir = options.staticDir ?? makeStaticDir();
  // A dataDir given again with its databaseUrl is the same server restarted on its data.
  const databaseUrl = options.databaseUrl ?? (options.dataDir ? undefined : await freshDatabaseUrl());
  let offsetMs = 0;
  const clock = { now: () => new Date(Date.now() + offsetMs), advance: (ms: number) => void (offsetMs += ms) };
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl,
    staticDir,
    demo: options.demo ?? true,
    log: false,
    now: clock.now,
    photoLimits: options.photoLimits,
  });
  return { url: server.url, dataDir, staticDir, store: server.store, sql: server.store.sql, databaseUrl, clock, close: server.close };
}
