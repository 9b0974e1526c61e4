// The service worker: precache the app shell, serve it for every navigation, and take a new
// version only when the page asks (SKIP_WAITING), so nothing reloads under a member's thumb.
// The Dexie outbox, not the service worker, is the sync queue.
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { clientsClaim } from 'workbox-core';
import type { PrecacheEntry } from 'workbox-precaching';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every in-app URL is the single-page shell; the endpoint's paths never are.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] }));

// The first install controls the open page at once, so it works offline from the first visit.
// Later versions wait for the page's SKIP_WAITING (the "Reload" button).
clientsClaim();

self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
