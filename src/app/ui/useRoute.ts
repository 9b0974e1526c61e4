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

/** The route's parameter, kept in step with the hash. */
export function useRouteParam(): string | null {
  const [param, setParam] = useState(routeParam);
  useEffect(() => {
    const onChange = () => setParam(routeParam());
    addEventListener('hashchange', onChange);
    addEventListener('popstate', onChange);
    return () => {
      removeEventListener('hashchange', onChange);
      removeEventListener('popstate', onChange);
    };
  }, []);
  return param;
}
