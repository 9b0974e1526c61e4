// Response headers every answer carries: the Content-Security-Policy, nosniff and no referrer.
// The CSP is built from one function so the map feature can add its tile hosts (img + connect)
// without loosening anything else. The service worker's script gets a policy of its own.
import { createMiddleware } from 'hono/factory';

export interface CspSources {
  /** Extra origins images may come from (map tiles), e.g. "https://tiles.example.org". */
  imgHosts: readonly string[];
  /** Extra origins fetch/XHR may reach (tile or geocoder APIs). */
  connectHosts: readonly string[];
}

export const NO_EXTRA_SOURCES: CspSources = { imgHosts: [], connectHosts: [] };

// A host with a space or ';' would inject a directive; only plain origins are accepted.
const ORIGIN = /^https:\/\/[a-z0-9.-]+(:[0-9]{1,5})?$/;

function checked(hosts: readonly string[]): string[] {
  for (const host of hosts) {
    if (!ORIGIN.test(host)) throw new Error(`CSP host must be an https origin, got ${JSON.stringify(host)}`);
  }
  return [...hosts];
}

/**
 * No 'unsafe-inline' anywhere: the built app has no inline script or style (checked in Chromium
 * against a vite build), and preact sets `style` props through CSSOM, which CSP does not govern.
 * data:/blob: images are for photo previews made on the phone (object URLs, canvas thumbnails).
 * blob: workers are the QR decoder (qr-scanner builds its worker from a blob URL); only a script
 * already running on this origin can create one.
 */
export function contentSecurityPolicy(sources: CspSources = NO_EXTRA_SOURCES): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', "'self'", 'data:', 'blob:', ...checked(sources.imgHosts)],
    ['connect-src', "'self'", ...checked(sources.connectHosts)],
    ['worker-src', "'self'", 'blob:'],
    ['manifest-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['frame-ancestors', "'none'"],
    ['form-action', "'self'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

/**
 * The service worker's own policy. A worker keeps the CSP it was installed with until its script
 * bytes change, and a byte-identical sw.js is never reinstalled: with the page's policy, a phone
 * installed on one basemap would fetch (to cache) no tile of the next one. So the worker may
 * connect to any https origin. That widens nothing a page can do: every tile request starts as
 * the page's <img>, which the page's own, exact img-src governs; the worker runs only our
 * same-origin script (script-src 'self', no eval) and fetches only what pages ask of it.
 */
export const SERVICE_WORKER_CSP = "default-src 'self'; script-src 'self'; connect-src 'self' https:; object-src 'none'; base-uri 'self'";

const SERVICE_WORKER_PATH = '/sw.js';

export function securityHeaders(csp: string) {
  return createMiddleware(async (c, next) => {
    await next();
    // A route serving a document of its own (the printable report) may set a stricter policy.
    const policy = c.req.path === SERVICE_WORKER_PATH ? SERVICE_WORKER_CSP : csp;
    if (!c.res.headers.has('Content-Security-Policy')) c.header('Content-Security-Policy', policy);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  });
}
