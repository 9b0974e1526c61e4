// The page's one link to the service worker: register it, and announce a waiting new version.
// Applying the update (SKIP_WAITING, then reload on controllerchange) happens only on request.
import { Workbox } from 'workbox-window';

export interface UpdateHandle {
  apply(): void;
}

export function registerServiceWorker(onUpdateWaiting: (update: UpdateHandle) => void): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('waiting', () => {
    onUpdateWaiting({
      apply() {
        wb.addEventListener('controlling', () => location.reload());
        wb.messageSkipWaiting();
      },
    });
  });
  void wb.register();
}
