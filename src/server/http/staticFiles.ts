// Serves the built PWA from STATIC_DIR. Entry points (index.html, sw.js, the manifest) must be
// revalidated every time, or a phone can stay on an old version; /assets/* names carry a
// content hash, so they can be cached for a year.
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const IMMUTABLE = 'public, max-age=31536000, immutable';

function cacheControlFor(path: string): string {
  return path.includes('/assets/') || path.startsWith('assets/') ? IMMUTABLE : 'no-cache';
}

export function staticFiles(staticDir: string) {
  const indexPath = join(staticDir, 'index.html');
  const app = new Hono();
  app.use(
    serveStatic({
      root: staticDir,
      onFound: (path, c) => {
        c.header('Cache-Control', cacheControlFor(path.replaceAll('\\', '/')));
      },
    }),
  );
  app.get('*', (c) => {
    // A missing hashed asset is a deploy mismatch; answering it with HTML would hide that.
    if (c.req.path.startsWith('/assets/')) return c.text('Not found', 404);
    // Read per request: `npm run build` may write it while the server runs.
    if (!existsSync(indexPath)) {
      return c.text('The app is not built yet. Run `npm run build` (or `npm start`), then reload.\n', 503);
    }
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(indexPath, 'utf8'));
  });
  app.all('*', (c) => c.text('Not found', 404));
  return app;
}
