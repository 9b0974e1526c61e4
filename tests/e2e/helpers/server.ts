// Runs the product the way `npm start` does (src/server/bin/start.mjs) on a temp DATA_DIR (and,
// when given one, a PostgreSQL DATABASE_URL) and a free port, and can stop and restart it on the
// same port and data, as a real outage would.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openStore, type Store } from '../../../src/server/store/openStore';
import { DB_FILE } from '../../../src/server/store/sqlite/openSqlite';
import { E2E_DIST } from './globalSetup';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Where an endpoint keeps its data: DATA_DIR, and DATABASE_URL when it runs on PostgreSQL. */
export interface StoredAt {
  dataDir: string;
  databaseUrl: string | undefined;
}

/** Opens a Store of its own on an endpoint's data (running or not), for `fn`, then closes it. */
export async function withStore<T>(at: StoredAt, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ dataDir: at.dataDir, databaseUrl: at.databaseUrl });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export interface ProductServer extends StoredAt {
  url: string;
  output: () => string;
  stop(): Promise<void>;
  /** `env` is added to the server's environment from this start on (MAP_PROVIDER, say). */
  start(env?: Record<string, string>): Promise<void>;
  /** Runs a read-only query on the server's SQLite file (withStore reads either backend). */
  query<T>(sql: string, ...params: unknown[]): T[];
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log()}`);
    const ok = await fetch(`${url}/api/v1/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server did not become healthy:\n${log()}`);
}

export async function startProductServer(staticDir = E2E_DIST, env: Record<string, string> = {}, databaseUrl?: string): Promise<ProductServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'patrol-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let log = '';
  let extraEnv = env;

  const server: ProductServer = {
    url,
    dataDir,
    databaseUrl,
    output: () => log,
    async start(env) {
      if (env) extraEnv = { ...extraEnv, ...env };
      child = spawn(process.execPath, ['src/server/bin/start.mjs'], {
        cwd: root,
        // An empty demo unless a test asks for the demo week (start.mjs seeds it by default).
        // DATABASE_URL is this helper's to choose: empty means SQLite in DATA_DIR.
        env: { DEMO_REPORT_WEEK: '0', ...process.env, ...extraEnv, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, STATIC_DIR: staticDir, SKIP_BUILD: '1', DATABASE_URL: databaseUrl ?? '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
      await waitForHealth(url, child, () => log);
    },
    async stop() {
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      await exited;
      child = null;
    },
    query<T>(sql: string, ...params: unknown[]) {
      if (databaseUrl) throw new Error('query reads the SQLite file; this server runs on PostgreSQL: use withStore');
      const db = new Database(join(dataDir, DB_FILE), { readonly: true, fileMustExist: true });
      try {
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
  };
  await server.start();
  return server;
}
