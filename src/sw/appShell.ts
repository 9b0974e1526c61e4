// The app page for every navigation: the precached body, carrying the endpoint's current
// headers when the endpoint answers quickly with that same page. Must hold: offline and lie-fi
// still start from the precache at once; the page's version only ever changes through the
// "Update available — Reload" prompt; nothing but our own page is ever served as the app.
//
// Why: the page's Content-Security-Policy names the basemap's tile hosts (MAP_PROVIDER), and a
// precached response keeps the header it was installed with. After the office switched the
// provider, an installed phone kept blocking the new tiles until it was reinstalled. Listing
// every provider's hosts in the CSP would not cover MAP_PROVIDER=custom (any host), and proxying
// tiles through the endpoint would put every tile on the community's small server; refreshing
// the headers keeps the policy exactly the server's, for every provider.
import { cacheNames } from 'workbox-core';
import { getCacheKeyForURL } from 'workbox-precaching';
import { SHELL_NETWORK_TIMEOUT_MS } from './shellTimeout';


const SHELL_URL = '/index.html';

/**
 * The endpoint's answer for the page, only if it is exactly the page we hold: a new version's page
 * (waiting for the member's Reload) or a captive portal's own 200 HTML has another body, a portal's
 * redirect is refused, and a proxy that dropped our CSP would loosen the policy.
 */
async function freshHeaders(cachedBody: string): Promise<Headers | null> {
  try {
    const response = await fetch(SHELL_URL, { cache: 'no-store', credentials: 'same-origin', redirect: 'error' });
    if (response.status !== 200 || !response.headers.get('Content-Security-Policy')) return null;
    if ((await response.text()) !== cachedBody) return null;
    // The body is ours, already decoded: a proxy's gzip header or length would no longer be true.
    const headers = new Headers(response.headers);
    headers.delete('Content-Encoding');
    headers.delete('Content-Length');
    return headers;
  } catch {
    return null;
  }
}

const csp = (headers: Headers) => headers.get('Content-Security-Policy');

export async function serveAppShell(event: FetchEvent): Promise<Response> {
  const key = getCacheKeyForURL(SHELL_URL);
  const cache = await caches.open(cacheNames.precache);
  const cached = key ? await cache.match(key) : undefined;
  // Not precached yet (the very first visit, before install finished): plain network.
  if (!key || !cached) return fetch(event.request);
  const body = await cached.clone().text();
  const page = (headers: Headers) => new Response(body, { status: 200, statusText: 'OK', headers });

  const fresh = freshHeaders(body);
  // Stored back when the policy changed, so the next start (offline too: cached tiles of the new
  // provider) already has it. Same body under the same key: precaching sees nothing new.
  event.waitUntil(
    fresh.then(async (headers) => {
      if (!headers || csp(headers) === csp(cached.headers)) return;
      if (await cache.match(key)) await cache.put(key, page(headers));
    }),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(resolve, SHELL_NETWORK_TIMEOUT_MS, null)));
  const headers = await Promise.race([fresh, late]);
  clearTimeout(timer);
  return headers ? page(headers) : cached;
}
