// The endpoint as its own process, from its sources (`node --import tsx src/server/main.ts`;
// `npm start` runs the same entry point bundled), on a fixed port and DATA_DIR, so a test can SIGKILL or SIGTERM it and start it again
// on the same data, as a crash or a deploy would.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../e2e/helpers/server';
import { makeStaticDir } from './testServer';
import { freshDatabaseUrl } from './backend';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export interface ServerProcess {
  url: string;
  dataDir: string;
  /** DATABASE_URL of its database (undefined: SQLite in dataDir). */
  databaseUrl: string | undefined;
  running(): boolean;
  /** The endpoint's pid while it runs. */
  pid(): number | null;
  output(): string;
  start(): Promise<void>;
  /** Sends the signal and resolves with the exit code (null when killed by the signal). */
  signal(signal: NodeJS.Signals): Promise<number | null>;
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited early:\n${log()}`);
    if (await fetch(`${url}/api/v1/health`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`server not healthy within 30 s:\n${log()}`);
}

export async function serverProcess(options: { dataDir?: string; databaseUrl?: string; env?: Record<string, string> } = {}): Promise<ServerProcess> {
  // A dataDir given again (with its databaseUrl) is the same data; a new one gets a new database.
  const databaseUrl = options.databaseUrl ?? (options.dataDir ? undefined : await freshDatabaseUrl());
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'patrol-proc-'));
  const staticDir = makeStaticDir();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let log = '';
  const alive = () => child !== null && child.exitCode === null && child.signalCode === null;
  return {
    url,
    dataDir,
    databaseUrl,
    running: alive,
    pid: () => (alive() ? (child?.pid ?? null) : null),
    output: () => log,
    async start() {
      if (alive()) throw new Error('already running');
      const started = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
        cwd: root,
        env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, STATIC_DIR: staticDir, DEMO: '1', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = started;
      started.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
      started.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
      await waitForHealth(url, started, () => log);
    },
    async signal(signal) {
      const target = child;
      if (!target || !alive()) return target?.exitCode ?? null;
      const exited = new Promise<number | null>((resolve) => target.once('exit', (code) => resolve(code)));
      target.kill(signal);
      return exited;
    },
  };
}
