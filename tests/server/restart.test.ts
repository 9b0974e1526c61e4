// `npm start` is a safety net: when the endpoint dies (here SIGKILLed, as the kernel's OOM
// killer would), the launcher logs why and starts it again on the same port and data.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { freePort } from '../e2e/helpers/server';
import { freshDatabaseUrl } from './helpers/backend';
import { makeStaticDir } from './helpers/testServer';

const root = fileURLToPath(new URL('../..', import.meta.url));
let launcher: ReturnType<typeof spawn> | null = null;
afterAll(() => {
  launcher?.kill('SIGTERM');
});

async function until<T>(what: string, probe: () => Promise<T | null> | T | null, withinMs = 60_000): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The launcher's child, from /proc (field 4 of /proc/<pid>/stat is the parent's pid). */
const childOf = (pid: number): number | null => {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) return Number(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  return null;
};

it('restarts a dead endpoint and logs the reason', { timeout: 120_000 }, async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const databaseUrl = await freshDatabaseUrl();
  launcher = spawn(process.execPath, ['src/server/bin/start.mjs'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: mkdtempSync(join(tmpdir(), 'patrol-restart-')), STATIC_DIR: makeStaticDir(), SKIP_BUILD: '1', DEMO_REPORT_WEEK: '0', DATABASE_URL: databaseUrl ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  launcher.stdout?.on('data', (b: Buffer) => (log += b.toString()));
  launcher.stderr?.on('data', (b: Buffer) => (log += b.toString()));
  const healthy = () => fetch(`${url}/api/v1/health`).then((r) => (r.ok ? true : null), () => null);
  await until('first start', healthy);
  const first = await until('the endpoint process', () => childOf(launcher!.pid!));

  process.kill(first, 'SIGKILL');
  await until('the exit to be logged', () => (log.includes('"event":"endpoint.exit"') ? true : null));
  expect(log).toMatch(/"event":"endpoint\.exit","code":null,"signal":"SIGKILL"/);
  await until('the restart', async () => ((await healthy()) && childOf(launcher!.pid!) !== first ? true : null));
  expect(childOf(launcher.pid!)).not.toBe(first);
  expect(launcher.exitCode).toBeNull();
});
