// Builds the PWA once for the whole E2E run into its own folder (not dist/), so every test serves
// the same build and nothing else that builds meanwhile can change it under the tests.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const E2E_DIST = fileURLToPath(new URL('../../../node_modules/.cache/patrol-e2e-dist', import.meta.url));

export default function setup(): void {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  // Vitest sets NODE_ENV=test, which would make vite build a development bundle (no service worker).
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', E2E_DIST], { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`vite build failed with status ${result.status}`);
}
