// Health, security headers, unknown API paths and the static PWA with its cache rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, errorCode } from './helpers/api';
import { makeStaticDir, startTestServer, type TestServer } from './helpers/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('health and routing', () => {
  it('answers health with ok and security headers', async () => {
    const result = await call(server.url, '/api/v1/health');
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ ok: true });
    expect(result.headers.get('x-content-type-options')).toBe('nosniff');
    expect(result.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('answers an unknown /api path with a JSON 404', async () => {
    const result = await call(server.url, '/api/v1/nothing-here');
    expect(result.status).toBe(404);
    expect(errorCode(result)).toBe('not_found');
  });

  it('serves entry points with no-cache and hashed assets as immutable', async () => {
    const sw = await call(server.url, '/sw.js');
    expect(sw.status).toBe(200);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect((await call(server.url, '/manifest.webmanifest')).headers.get('cache-control')).toBe('no-cache');
    const asset = await call(server.url, '/assets/index-abc123.js');
    expect(asset.body).toBe('console.log("app")');
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('falls back to index.html for app routes, but not for missing assets', async () => {
    const page = await call(server.url, '/hazards/new');
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('Patrol Log test');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect((await call(server.url, '/assets/gone-123.js')).status).toBe(404);
  });
});

describe('without a built app', () => {
  it('says to run the build', async () => {
    const bare = await startTestServer({ staticDir: makeStaticDir(false) });
    try {
      const result = await call(bare.url, '/');
      expect(result.status).toBe(503);
      expect(String(result.body)).toContain('npm run build');
    } finally {
      await bare.close();
    }
  });
});
