// Endpoints for the backend figures: in this process (one device's push, pulls), or as real
// processes (the aggregate push through two of them), on a fresh database of either backend.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '../../../src/server/startServer';
import type { Dialect } from '../../../src/server/store/sql/sql';
import { freshPostgresUrl } from '../../server/helpers/backend';
import { freePort } from '../../e2e/helpers/server';
import { within } from '../lib/bounded';

const root = fileURLToPath(new URL('../../..', import.meta.url));
// No device limit may shape a throughput figure: the bench pushes far faster than any phone.
const UNLIMITED = { burst: 1e9, perMinute: 1e9 };

export const BACKENDS: readonly Dialect[] = ['sqlite', 'postgres'];
export const backendName = (b: Dialect) => (b === 'sqlite' ? 'SQLite' : 'PostgreSQL');

export async function databaseFor(backend: Dialect): Promise<string | undefined> {
  return backend === 'postgres' ? freshPostgresUrl() : undefined;
}

export async function inProcessServer(backend: Dialect, staticDir: string): Promise<RunningServer> {
  return startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: mkdtempSync(join(tmpdir(), 'patrol-bench-backend-')),
    databaseUrl: await databaseFor(backend),
    staticDir,
    demo: true,
    log: false,
    rateLimit: UNLIMITED,
  });
}

export async function api<T>(url: string, path: string, token: string | null, body?: unknown, raw?: string): Promise<T> {
  const response = await within(
    60_000,
    path,
    fetch(`${url}${path}`, {
      method: body === undefined && raw === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    }),
  );
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export interface EndpointProcess {
  url: string;
  pid: number;
  /** Peak resident memory so far (VmHWM), MB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

/** The endpoint as its own process (main.ts), as a deployment runs it behind a balancer. */
export async function endpointProcess(databaseUrl: string, staticDir: string, processes: number): Promise<EndpointProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'patrol-bench-proc-')),
      STATIC_DIR: staticDir,
      DATABASE_URL: databaseUrl,
      DEMO: '1',
      ENDPOINT_PROCESSES: String(processes),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (!(await fetch(`${url}/api/v1/health`).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('the endpoint process did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid!,
    peakRssMb: () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
