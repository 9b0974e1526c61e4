// Builds the PWA with the project's own vite config, as `npm run build` does, but into the
// bench's own folder: dist/ is left alone, so a build or server someone else is running on it
// is not disturbed, and nothing stale from an earlier build can be counted. --manifest writes
// .vite/manifest.json (the chunk graph) whatever vite.config.ts says.
import { spawnSync } from 'node:child_process';

export function buildApp(root: string, outDir: string): void {
  const started = Date.now();
  const result = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--manifest', '--logLevel', 'warn'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (result.status !== 0) {
    throw new Error(`vite build failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
  console.log(`Built the app into ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
