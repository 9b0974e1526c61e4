// PostgreSQL for the test suites. Each run gets its own database, patrol_test_<hex>, on the server
// PG_TEST_URL names (by default this machine's: postgres://postgres@127.0.0.1:5432/test), and drops
// it at the end whatever the suites did; the test helpers make a schema per test server inside it.
// When this machine's server is missing, down or asks for a password, root sets it up the way the
// test machines have it (Debian's postgresql, loopback trusted, a `test` database); anyone else is
// told the exact commands. The suites are never skipped for want of a server.
// Plain JS, imported by tests/run.mjs; `pg` is loaded only once `npm ci` has installed it.
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';

export const DEFAULT_PG_TEST_URL = 'postgres://postgres@127.0.0.1:5432/test';

const CLUSTER = 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main';

// What root runs at each stage a fresh Debian 12 machine goes through, in that order. Without root
// the same commands are printed behind sudo, from the stage the server is at to the end.
const STAGES = {
  missing: () => ['apt-get update', 'apt-get install -y postgresql'],
  // No systemd in the containers the tests run in, so the cluster is started directly.
  down: () => [`${CLUSTER} start`],
  // Fresh Debian asks for a scram password on 127.0.0.1 and the test URL carries none. The test
  // machines trust the loopback, so a fresh one is made to match: two first-match lines at the top
  // of pg_hba.conf, then a reload. It lets any local user in as any role, which suits a machine
  // that runs tests; giving `postgres` a password instead would put it in every test URL.
  auth: () => [`sed -i '1i host all all 127.0.0.1/32 trust\\nhost all all ::1/128 trust' /etc/postgresql/*/main/pg_hba.conf`, `${CLUSTER} reload`],
  nodb: (database) => [`su postgres -c "createdb ${database}"`],
};
const ORDER = ['missing', 'down', 'auth', 'nodb'];

const SAYS = {
  missing: 'does not answer, and none is installed here',
  down: 'does not answer',
  auth: 'asks for a password',
  nodb: 'has no such database',
};

/** The URL with its password masked, for messages. */
const shown = (url) => {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.href;
};

/** A URL that names this machine's default cluster, the one Debian's package sets up. */
function isLocalDefault(url) {
  const u = new URL(url);
  return ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname) && (u.port === '' || u.port === '5432');
}

const isInstalled = () => existsSync('/usr/bin/pg_ctlcluster') && existsSync('/etc/postgresql') && readdirSync('/etc/postgresql').length > 0;

/** Why a connection failed: down, auth, nodb, or other (with the error). */
function classify(error) {
  const code = error.code ?? error.errors?.[0]?.code;
  if (['ECONNREFUSED', 'ENOENT', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code) || /timeout/i.test(error.message)) return 'down';
  if (code === '28P01' || /password|pg_hba/i.test(error.message)) return 'auth';
  if (code === '3D000') return 'nodb';
  return 'other';
}

/**
 * What to do when the server at `url` fails with `problem`: `{ stage, commands }` for root to run
 * now, or `{ message }` to stop the run with. `tried` holds the stages already run.
 */
export function planFor(problem, { url, isRoot, installed, tried = new Set(), detail = '' }) {
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  const stage = problem === 'down' && !installed ? 'missing' : problem;
  const fixable = isLocalDefault(url) && stage in STAGES && (stage !== 'nodb' || /^\w+$/.test(database));
  const says = `${SAYS[stage] ?? 'refused the connection'}${detail ? ` (${detail})` : ''}`;
  if (!fixable) {
    const source = process.env.PG_TEST_URL ? 'PG_TEST_URL' : 'the default test URL';
    return { message: `PostgreSQL at ${shown(url)} (${source}) ${says}. Fix that server, or point PG_TEST_URL at a database on a server where its user may CREATE DATABASE (the default is ${DEFAULT_PG_TEST_URL}).` };
  }
  if (tried.has(stage)) {
    return { message: `PostgreSQL at ${shown(url)} still ${says} after:\n\n${STAGES[stage](database).map((c) => `  ${c}`).join('\n')}\n` };
  }
  if (isRoot) return { stage, commands: STAGES[stage](database) };
  const commands = ORDER.slice(ORDER.indexOf(stage)).flatMap((s) => STAGES[s](database));
  return {
    message: `PostgreSQL at ${shown(url)} ${says}. The server, security and faults suites run on PostgreSQL as well as SQLite. Set it up as root, then run the tests again:\n\n${commands.map((c) => `  sudo ${c}`).join('\n')}\n\nOr point PG_TEST_URL at a database on a server where its user may CREATE DATABASE.`,
  };
}

/** Connects once; null when the server takes the URL, else why not. */
async function problemWith(pg, url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    return null;
  } catch (error) {
    return { kind: classify(error), detail: error.message || String(error.code ?? error) };
  } finally {
    await client.end().catch(() => {});
  }
}

async function ensureServer(pg, url, isRoot) {
  const tried = new Set();
  for (let problem = await problemWith(pg, url); problem; problem = await problemWith(pg, url)) {
    const plan = planFor(problem.kind, { url, isRoot, installed: isInstalled(), tried, detail: problem.detail });
    if (plan.message) {
      console.error(plan.message);
      process.exit(1);
    }
    tried.add(plan.stage);
    console.log(`PostgreSQL at ${shown(url)} ${SAYS[plan.stage]}; setting it up as root.`);
    for (const command of plan.commands) {
      console.log(`+ ${command}`);
      execSync(command, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    }
  }
}

async function admin(pg, url, sql) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Makes the run's database, hands `use` its `{ name, url }`, and drops it afterwards, also when
 * `use` throws. FORCE (PostgreSQL 13+) ends connections a crashed test server left open.
 */
export async function withTestDatabase(use) {
  const { default: pg } = await import('pg');
  const base = process.env.PG_TEST_URL || DEFAULT_PG_TEST_URL;
  await ensureServer(pg, base, process.getuid?.() === 0);
  const name = `patrol_test_${randomBytes(6).toString('hex')}`;
  const url = new URL(base);
  url.pathname = `/${name}`;
  await admin(pg, base, `CREATE DATABASE ${name}`);
  // Ctrl-C reaches the running suite as well (one process group) and ends it; this process has
  // to outlive it to drop the database, then exits with the suite's status.
  const stay = () => {};
  process.on('SIGINT', stay);
  try {
    return await use({ name, url: url.href });
  } finally {
    await admin(pg, base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    process.off('SIGINT', stay);
  }
}
