// The app page for every navigation: the precached page, carrying the endpoint's current
// Content-Security-Policy when the endpoint answers quickly with that same page. Must hold:
// offline and lie-fi still start from the precache at once; the page's version only ever changes through the
// "Update available — Reload" prompt; nothing but our own page is ever served as the app.
//
// Why: the page's Content-Security-Policy names the basemap's tile hosts (MAP_PROVIDER), and a
// precached response keeps the header it was installed with. After the office switched the
// provider, an installed phone kept blocking the new tiles until it was reinstalled. Listing
// every provider's hosts in the CSP would not cover MAP_PROVIDER=custom (any host), and proxying
// tiles through the endpoint would put every tile on the community's small server; refreshing
// the policy keeps it exactly the server's, for every provider.
import { cacheNames } from 'workbox-core';
import { getCacheKeyForURL } from 'workbox-precaching';
import { SHELL_NETWORK_TIMEOUT_MS } from './shellTimeout';

const SHELL_URL = '/index.html';
const CSP = 'Content-Security-Policy';

/**
 * The endpoint's current policy, only if it answered with exactly the page we hold: a new
 * version's page (waiting for the member's Reload) or a captive portal's own 200 HTML has another
 * body (a followed redirect ends on the portal's page).
 */
async function currentPolicy(body: string): Promise<string | null> {
  try {
    const response = await fetch(SHELL_URL, { cache: 'no-store' });
    const policy = response.headers.get(CSP);
    return response.status === 200 && policy && (await response.text()) === body ? policy : null;
  } catch {
    return null;
  }
}

export async function serveAppShell(event: FetchEvent): Promise<Response> {
  const key = getCacheKeyForURL(SHELL_URL);
  const cache = await caches.open(cacheNames.precache);
  const cached = key && (await cache.match(key));
  // Not precached yet (the very first visit, before install finished): plain network.
  if (!key || !cached) return fetch(event.request);
  const body = await cached.clone().text();
  const withPolicy = (policy: string) => {
    const headers = new Headers(cached.headers);
    headers.set(CSP, policy);
    return new Response(body, { headers });
  };

  const fresh = currentPolicy(body);
  // Stored when it changed, so the next start (offline too: cached tiles of the new provider)
  // already has it. Same body under the same key: precaching sees nothing new.
  event.waitUntil(fresh.then((policy) => (policy && policy !== cached.headers.get(CSP) ? cache.put(key, withPolicy(policy)) : undefined)));
  const policy = await Promise.race([fresh, new Promise<null>((resolve) => setTimeout(resolve, SHELL_NETWORK_TIMEOUT_MS, null))]);
  return policy ? withPolicy(policy) : cached;
}
