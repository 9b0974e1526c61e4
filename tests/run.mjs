#!/usr/bin/env node
// `npm test` and friends. Plain JS with no dependencies, because it runs before `npm ci` on a
// fresh clone: install what is missing, then run the suites.
//   node tests/run.mjs all | unit | server | security | faults | e2e | bench [args]
// The server, security and faults suites run once per backend (SQLite, then PostgreSQL), or on
// the one PATROL_TEST_BACKEND names; they read PATROL_TEST_BACKEND and PATROL_TEST_PG_URL, the
// run's own database (tests/postgres.mjs), on a server PG_TEST_URL may name.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withTestDatabase } from './postgres.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const [what = 'all', ...rest] = process.argv.slice(2);
const SUITES = ['all', 'unit', 'server', 'security', 'faults', 'e2e', 'bench'];
const ON_BOTH_BACKENDS = ['server', 'security', 'faults'];

class Failed extends Error {
  constructor(status) {
    super(`exit status ${status}`);
    this.status = status;
  }
}

// A failure is thrown, not exited on, so the run's PostgreSQL database is still dropped.
function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Failed(result.status ?? 1);
}

function ensureDependencies() {
  const stamp = `${root}/node_modules/.package-lock.json`;
  const lock = `${root}/package-lock.json`;
  if (!existsSync(stamp) || statSync(stamp).mtimeMs < statSync(lock).mtimeMs) {
    console.log('Installing dependencies (npm ci)…');
    run('npm', ['ci']);
  }
}

// The E2E suite needs Chromium, pdftotext (to read the printed report back) and a CJK font
// (so Chinese prints as glyphs, not boxes, in the PDFs it checks).
const SYSTEM_PACKAGES = 'chromium poppler-utils fonts-noto-cjk';

function hasCjkFont() {
  try {
    return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

function ensureChromium() {
  if (existsSync(CHROMIUM) && existsSync('/usr/bin/pdftotext') && hasCjkFont()) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    console.error(`Chromium, poppler-utils or a CJK font is missing. Install them, then run the tests again:\n\n  sudo apt-get update && sudo apt-get install -y ${SYSTEM_PACKAGES}\n`);
    process.exit(1);
  }
  console.log(`Installing ${SYSTEM_PACKAGES} from Debian…`);
  execSync(`apt-get update && apt-get install -y ${SYSTEM_PACKAGES}`, { stdio: 'inherit' });
}

const vitest = (project, env) => run('npx', ['vitest', 'run', '--config', 'tests/vitest.config.ts', '--project', project, ...rest], env);

// A suite whose folder does not exist yet is skipped by name, not by a silent pass.
const suite = (project, env) => {
  if (!existsSync(`${root}/tests/${project}`)) return console.log(`(no tests/${project} yet)`);
  vitest(project, env);
};

/** The backends the server, security and faults suites run on: both, or the one the environment names. */
function backends() {
  const chosen = process.env.PATROL_TEST_BACKEND;
  if (chosen === undefined || chosen === '') return ['sqlite', 'postgres'];
  if (chosen === 'sqlite' || chosen === 'postgres') return [chosen];
  console.error(`PATROL_TEST_BACKEND is sqlite or postgres (or unset for both), got ${JSON.stringify(chosen)}.`);
  process.exit(2);
}

function onBackends(suites, list, db) {
  for (const backend of list) {
    for (const name of suites) {
      console.log(`\n── ${name} suite on ${backend === 'postgres' ? `PostgreSQL (${db.name})` : 'SQLite'} ──`);
      suite(name, { PATROL_TEST_BACKEND: backend, ...pgEnv(db) });
    }
  }
}

const pgEnv = (db) => (db ? { PATROL_TEST_PG_URL: db.url } : {});
// The app's end-to-end flows do not depend on the backend, so e2e (like unit) runs on SQLite only.
const sqliteOnly = (db) => ({ PATROL_TEST_BACKEND: 'sqlite', ...pgEnv(db) });

function suites(db) {
  switch (what) {
    case 'unit':
      return vitest('unit', sqliteOnly(db));
    case 'server':
    case 'security':
    case 'faults':
      return onBackends([what], backends(), db);
    case 'e2e':
      return suite('e2e', sqliteOnly(db));
    case 'bench':
      // The bench measures both backends itself.
      return run('npx', ['tsx', 'tests/bench/bench.ts', ...rest], pgEnv(db));
    case 'all':
      vitest('unit', sqliteOnly(db));
      onBackends(ON_BOTH_BACKENDS, ['sqlite', 'postgres'], db);
      return suite('e2e', sqliteOnly(db));
  }
}

if (!SUITES.includes(what)) {
  console.error(`Unknown suite "${what}". Use ${SUITES.join(', ')}.`);
  process.exit(2);
}
const needsPostgres = what === 'all' || what === 'bench' || (ON_BOTH_BACKENDS.includes(what) && backends().includes('postgres'));
try {
  ensureDependencies();
  if (['faults', 'e2e', 'bench', 'all'].includes(what)) ensureChromium();
  if (needsPostgres) await withTestDatabase(suites);
  else suites(null);
} catch (error) {
  if (!(error instanceof Failed)) throw error;
  process.exit(error.status);
}
