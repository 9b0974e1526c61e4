// The service worker: precache the app shell, serve it for every navigation, and take a new
// version only when the page asks (SKIP_WAITING), so nothing reloads under a member's thumb.
// The Dexie outbox, not the service worker, is the sync queue.
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { clientsClaim } from 'workbox-core';
import type { PrecacheEntry } from 'workbox-precaching';
import { CacheFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { serveAppShell } from './appShell';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

// Every in-app URL is the single-page shell; the endpoint's paths never are. The precached page,
// with the endpoint's current headers (its CSP names the basemap's tile hosts): see appShell.ts.
// Registered before the precache's own route, which would otherwise answer `/` itself.
registerRoute(new NavigationRoute(({ event }) => serveAppShell(event as FetchEvent), { denylist: [/^\/api\//] }));
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Map tiles, only those a person actually views (and a patrol-area save, offered only for a
// provider that permits it): CacheFirst so a lead can review offline, as the OSM tile usage
// policy asks (no bulk prefetch, honour caching). A tile is any cross-origin GET (the page's CSP
// lets only the configured tile hosts through; this worker's own CSP, fixed at install, allows any
// https host so a later provider still caches) or a same-origin /z/x/y image path. Opaque answers
// (status 0) from providers without CORS are kept too; purgeOnQuotaError drops the cache
// rather than let tiles crowd out the app's own data.
const TILE_PATH = /\/\d{1,2}\/\d+\/\d+(@2x)?\.(png|jpe?g|webp)$/;
registerRoute(
  ({ url, request }) =>
    request.method === 'GET' && !url.pathname.startsWith('/api/') && (url.origin !== self.location.origin || TILE_PATH.test(url.pathname)),
  new CacheFirst({
    cacheName: 'map-tiles',
    plugins: [
      new CacheableResponsePlugin({ statuses: [0, 200] }),
      new ExpirationPlugin({ maxEntries: 2000, maxAgeSeconds: 30 * 24 * 3600, purgeOnQuotaError: true }),
    ],
  }),
);

// The endpoint's requests go straight to the network, without waking this worker (static
// routing, where the browser has it): the worker never answers them, and a push of 10,000
// mutations would otherwise pay a round trip through it on every request.
type RouterRule = { condition: { urlPattern: { pathname: string } }; source: 'network' };
self.addEventListener('install', (event) => {
  const routed = event as ExtendableEvent & { addRoutes?: (rules: RouterRule[]) => Promise<void> };
  routed.addRoutes?.([{ condition: { urlPattern: { pathname: '/api/*' } }, source: 'network' }]).catch(() => undefined);
});

// The first install controls the open page at once, so it works offline from the first visit.
// Later versions wait for the page's SKIP_WAITING (the "Reload" button).
clientsClaim();

self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
