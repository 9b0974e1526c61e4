// Probe 13 and the other response headers: the strict CSP on the app's HTML (and every other
// answer), nosniff, no referrer, and no CORS unless an origin is on the CORS_ORIGINS allow-list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCorsOrigins } from '../../src/server/http/cors';
import { contentSecurityPolicy, SERVICE_WORKER_CSP } from '../../src/server/http/securityHeaders';
import { INDEX_MARKER, startSecurityServer, type SecurityServer } from './helpers/securityServer';
import { rawRequest, type RawResponse } from './helpers/rawHttp';
import { snapshot } from './helpers/snapshot';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
  "worker-src 'self' blob:; manifest-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";
const FOREIGN = 'https://evil.example';
const LISTED = 'https://ops.patrol.example';

let server: SecurityServer;
let listing: SecurityServer;
beforeAll(async () => {
  server = await startSecurityServer();
  listing = await startSecurityServer({ corsOrigins: [LISTED] });
});
afterAll(async () => {
  await server.close();
  await listing.close();
});

const corsHeaders = (r: RawResponse) => Object.keys(r.headers).filter((h) => h.startsWith('access-control-'));
const preflight = (s: SecurityServer, origin: string, path = '/api/v1/sync/push') =>
  rawRequest({
    port: s.port,
    method: 'OPTIONS',
    path,
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  });

describe('probe 13: CSP on the app', () => {
  it.each(['/', '/hazards/new'])('GET %s: the app HTML carries the strict CSP, nosniff and no referrer', async (path) => {
    const result = await rawRequest({ port: server.port, path });
    expect(result.status).toBe(200);
    expect(result.headers['content-type']).toMatch(/^text\/html/);
    expect(result.body).toContain(INDEX_MARKER);
    expect(result.headers['content-security-policy']).toBe(CSP);
    expect(result.headers['x-content-type-options']).toBe('nosniff');
    expect(result.headers['referrer-policy']).toBe('no-referrer');
  });

  it.each(['/assets/index-abc123.js', '/api/v1/health', '/api/v1/nothing-here'])('GET %s carries them too', async (path) => {
    const result = await rawRequest({ port: server.port, path });
    expect(result.headers['content-security-policy']).toBe(CSP);
    expect(result.headers['x-content-type-options']).toBe('nosniff');
    expect(result.headers['referrer-policy']).toBe('no-referrer');
  });

  it('GET /sw.js: the worker may fetch tiles from any https host (it keeps its install-time policy), nothing else widens', async () => {
    const result = await rawRequest({ port: server.port, path: '/sw.js' });
    expect(result.headers['content-security-policy']).toBe(SERVICE_WORKER_CSP);
    expect(SERVICE_WORKER_CSP).toBe("default-src 'self'; script-src 'self'; connect-src 'self' https:; object-src 'none'; base-uri 'self'");
    expect(result.headers['x-content-type-options']).toBe('nosniff');
    // Only the worker's own script: the page and its look-alike paths keep the page's policy.
    for (const path of ['/sw.js/', '/assets/sw.js', '/sw.jsx']) {
      expect((await rawRequest({ port: server.port, path })).headers['content-security-policy'], path).toBe(CSP);
    }
  });

  it('is built from one function: tile hosts widen img-src and connect-src only, and must be plain https origins', () => {
    expect(contentSecurityPolicy()).toBe(CSP);
    const withTiles = contentSecurityPolicy({ imgHosts: ['https://tiles.example.org'], connectHosts: ['https://api.example.org:8443'] });
    expect(withTiles).toBe(
      CSP.replace("img-src 'self' data: blob:", "img-src 'self' data: blob: https://tiles.example.org").replace(
        "connect-src 'self'",
        "connect-src 'self' https://api.example.org:8443",
      ),
    );
    for (const bad of ['http://tiles.example.org', "https://x.example; script-src 'unsafe-inline'", '*', 'https://x.example/path']) {
      expect(() => contentSecurityPolicy({ imgHosts: [bad], connectHosts: [] }), bad).toThrow(/https origin/);
    }
  });
});

describe('CORS', () => {
  it('none by default: a foreign preflight gets no Access-Control headers and writes nothing', async () => {
    const before = await snapshot(server.sql);
    const push = await preflight(server, FOREIGN);
    expect(push.status).toBe(401);
    expect(JSON.parse(push.body)).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    const enroll = await preflight(server, FOREIGN, '/api/v1/enroll');
    expect(enroll.status).toBe(404);
    expect(JSON.parse(enroll.body)).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    const health = await rawRequest({ port: server.port, path: '/api/v1/health', headers: { origin: FOREIGN } });
    for (const r of [push, enroll, health]) expect(corsHeaders(r)).toEqual([]);
    expect(await snapshot(server.sql)).toEqual(before);
  });

  it('with an allow-list: a listed origin gets the headers, any other origin none', async () => {
    const allowed = await preflight(listing, LISTED);
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(LISTED);
    expect(allowed.headers['access-control-allow-methods']).toBe('GET, POST');
    expect(allowed.headers['access-control-allow-headers']).toBe('authorization, content-type');
    expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
    const get = await rawRequest({ port: listing.port, path: '/api/v1/health', headers: { origin: LISTED } });
    expect(get.headers['access-control-allow-origin']).toBe(LISTED);
    expect(get.headers.vary).toMatch(/Origin/);

    const before = await snapshot(listing.sql);
    const foreign = await preflight(listing, FOREIGN);
    expect(foreign.status).toBe(401);
    expect(corsHeaders(foreign)).toEqual([]);
    const foreignGet = await rawRequest({ port: listing.port, path: '/api/v1/health', headers: { origin: FOREIGN } });
    expect(corsHeaders(foreignGet)).toEqual([]);
    expect(await snapshot(listing.sql)).toEqual(before);
  });

  it('CORS_ORIGINS is parsed strictly: origins only, no wildcard', () => {
    expect(parseCorsOrigins(undefined)).toEqual([]);
    expect(parseCorsOrigins('')).toEqual([]);
    expect(parseCorsOrigins(' https://a.example , http://127.0.0.1:5173,')).toEqual(['https://a.example', 'http://127.0.0.1:5173']);
    for (const bad of ['*', 'https://a.example/', 'https://a.example/app', 'a.example', 'null']) {
      expect(() => parseCorsOrigins(bad), bad).toThrow(/CORS_ORIGINS/);
    }
  });
});
