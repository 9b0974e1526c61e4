// Screens live in the URL hash, so the phone's back button and a reload keep the member in place.
// A route may carry one parameter after a slash: #/hazard/<id>.
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | 'home'
  | 'new-hazard'
  | 'settings'
  | 'scan'
  | 'coverage'
  | 'checkpoints'
  | 'admin'
  | 'enroll-again'
  | 'hazard'
  | 'map'
  | 'reports';
const ROUTES: readonly Route[] = [
  'home',
  'new-hazard',
  'settings',
  'scan',
  'coverage',
  'checkpoints',
  'admin',
  'enroll-again',
  'hazard',
  'map',
  'reports',
];

function hashParts(): [string, string | null] {
  const [name = '', param] = location.hash.replace(/^#\/?/, '').split('/', 2);
  return [name, param ? decodeURIComponent(param) : null];
}

function readRoute(): Route {
  const [name] = hashParts();
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'home';
}

/** The current route's parameter (e.g. the hazard id of #/hazard/<id>), or null. */
export function routeParam(): string | null {
  return hashParts()[1];
}

export function navigate(route: Route, options: { replace?: boolean; param?: string } = {}): void {
  const suffix = options.param ? `/${encodeURIComponent(options.param)}` : '';
  const hash = route === 'home' ? '#/' : `#/${route}${suffix}`;
  if (options.replace) history.replaceState(null, '', hash);
  else history.pushState(null, '', hash);
  dispatchEvent(new HashChangeEvent('hashchange'));
}

/** A value read from the hash, kept in step with it (links, back button, navigate()). */
function useHashValue<T>(read: () => T): T {
  const [value, setValue] = useState(read);
  useEffect(() => {
    const onChange = () => setValue(read());
    addEventListener('hashchange', onChange);
    addEventListener('popstate', onChange);
    return () => {
      removeEventListener('hashchange', onChange);
      removeEventListener('popstate', onChange);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `read` is a fixed reader per call site; subscribe once
  }, []);
  return value;
}

export function useRoute(): Route {
  return useHashValue(readRoute);
}

/** The route's parameter, kept in step with the hash. */
export function useRouteParam(): string | null {
  return useHashValue(routeParam);
}
