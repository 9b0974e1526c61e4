// Screens live in the URL hash, so the phone's back button and a reload keep the member in place.
import { useEffect, useState } from 'preact/hooks';

export type Route = 'home' | 'new-hazard' | 'settings' | 'scan' | 'coverage' | 'checkpoints' | 'admin' | 'enroll-again';
const ROUTES: readonly Route[] = ['home', 'new-hazard', 'settings', 'scan', 'coverage', 'checkpoints', 'admin', 'enroll-again'];

function readRoute(): Route {
  const name = location.hash.replace(/^#\/?/, '');
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'home';
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const hash = route === 'home' ? '#/' : `#/${route}`;
  if (options.replace) history.replaceState(null, '', hash);
  else history.pushState(null, '', hash);
  dispatchEvent(new HashChangeEvent('hashchange'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(readRoute);
  useEffect(() => {
    const onChange = () => setRoute(readRoute());
    addEventListener('hashchange', onChange);
    addEventListener('popstate', onChange);
    return () => {
      removeEventListener('hashchange', onChange);
      removeEventListener('popstate', onChange);
    };
  }, []);
  return route;
}
