#!/usr/bin/env node
// `npm test` and friends. Plain JS with no dependencies, because it runs before `npm ci` on a
// fresh clone: install what is missing, then run the suites.
//   node tests/run.mjs all | unit | server | security | faults | e2e | bench [args]
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const [what = 'all', ...rest] = process.argv.slice(2);

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
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

// A suite whose folder does not exist yet is skipped by name, not by a silent pass.
const vitest = (project) => {
  if (!existsSync(`${root}/tests/${project}`)) return console.log(`(no tests/${project} yet)`);
  run('npx', ['vitest', 'run', '--config', 'tests/vitest.config.ts', '--project', project, ...rest]);
};

ensureDependencies();
switch (what) {
  case 'unit':
    run('npx', ['vitest', 'run', '--config', 'tests/vitest.config.ts', '--project', 'unit', ...rest]);
    break;
  case 'server':
  case 'security':
    vitest(what);
    break;
  case 'faults':
    ensureChromium();
    vitest('faults');
    break;
  case 'e2e':
    ensureChromium();
    vitest('e2e');
    break;
  case 'bench':
    ensureChromium();
    run('npx', ['tsx', 'tests/bench/bench.ts', ...rest]);
    break;
  case 'all':
    ensureChromium();
    run('npx', ['vitest', 'run', '--config', 'tests/vitest.config.ts', '--project', 'unit', ...rest]);
    for (const suite of ['server', 'security', 'faults', 'e2e']) vitest(suite);
    break;
  default:
    console.error(`Unknown suite "${what}". Use all, unit, server, security, faults, e2e or bench.`);
    process.exit(2);
}
