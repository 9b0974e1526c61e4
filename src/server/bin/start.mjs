#!/usr/bin/env node
// `npm start`: install if needed, build the PWA if its sources are newer than dist/, bundle the
// endpoint if its sources are newer than its bundle, then run it. Plain JS with no dependencies,
// because on a fresh clone it runs before npm ci.
//   SKIP_BUILD=1 skips the PWA build (the E2E suite builds once itself).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const at = (path) => join(root, path);
const isWindows = process.platform === 'win32';

function runOrExit(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: isWindows, env });
  if (result.status !== 0) {
    console.error(`\`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);

/** The newest modification time of a file or of anything under a folder; 0 if absent. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stats.mtimeMs);
}

// npm writes node_modules/.package-lock.json on every install: older than the lock file means
// the lock changed since (a pull, a branch switch).
const installStamp = at('node_modules/.package-lock.json');
if (!existsSync(at('node_modules')) || mtime(installStamp) < mtime(at('package-lock.json'))) {
  console.log('Installing dependencies (npm ci)…');
  runOrExit('npm', ['ci']);
}

if (process.env.SKIP_BUILD !== '1') {
  const inputs = ['src/app', 'src/sw', 'src/shared', 'public', 'vite.config.ts', 'package-lock.json'];
  const built = mtime(at('dist/index.html'));
  if (built === 0 || inputs.some((input) => newest(at(input)) > built)) {
    console.log('Building the app (vite build)…');
    // A NODE_ENV left at development or test in the shell would build a dev bundle without the service worker.
    runOrExit('npx', ['vite', 'build'], { ...process.env, NODE_ENV: 'production' });
  }
}

// The endpoint runs as one JS bundle (packages stay external), not through a TypeScript loader:
// that costs ~60 MB of resident memory on the community's small server. Written under a unique
// name and renamed, so servers starting side by side (the test suites) never read half a file.
const serverBundle = at('node_modules/.cache/patrol-server/main.mjs');
const serverInputs = ['src/server', 'src/shared', 'package-lock.json'];
if (serverInputs.some((input) => newest(at(input)) > mtime(serverBundle))) {
  const partial = `${serverBundle}.${process.pid}.partial.mjs`;
  runOrExit('npx', ['esbuild', 'src/server/main.ts', '--bundle', '--platform=node', '--format=esm', '--packages=external',
    '--target=node20', '--log-level=warning', `--outfile=${partial}`]);
  renameSync(partial, serverBundle);
}

// V8 grows its old space lazily, well past what this server needs: capped, a heavy sync leaves
// it far smaller resident than uncapped. 192 MB is what the largest request needs: a weekly
// report of a week flooded with 50,000 hazards (tests/server/flood.test.ts), built one at a time.
// NODE_OPTIONS with its own --max-old-space-size overrides the cap.
const heapCap = process.env.NODE_OPTIONS?.includes('--max-old-space-size') ? [] : ['--max-old-space-size=192'];

// The endpoint runs as a child that is started again if it dies (a crash, an out-of-memory
// kill), with the reason logged and a growing pause, so a bug cannot take a pilot down for the
// night. It is a safety net, not the fix; for a real deployment run it under systemd
// (deploy/patrol-log.service). Signals are forwarded; a signalled stop is not restarted.
let server = null;
let stopping = false;
const restarts = [];
function launch() {
  server = spawn(process.execPath, [...heapCap, serverBundle], {
    cwd: root,
    stdio: 'inherit',
    // The product as a visitor first sees it: a week of demo history, so Reports and the map have
    // something to show. DEMO_REPORT_WEEK=0 (or DEMO=0) starts empty.
    env: { DEMO_REPORT_WEEK: '1', ...process.env },
  });
  server.on('exit', (code, signal) => {
    if (stopping || code === 0) process.exit(code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 1));
    const now = Date.now();
    restarts.push(now);
    while (restarts.length > 0 && now - restarts[0] > 10 * 60_000) restarts.shift();
    const pauseMs = Math.min(30_000, 500 * 2 ** (restarts.length - 1));
    console.error(
      JSON.stringify({ at: new Date(now).toISOString(), event: 'endpoint.exit', code, signal, restartInMs: pauseMs, restartsIn10Min: restarts.length }),
    );
    setTimeout(launch, pauseMs);
  });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = true;
    if (server && server.exitCode === null) server.kill(signal);
    else process.exit(0);
  });
}
launch();
