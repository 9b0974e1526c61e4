// Mounts the Leaflet map (a lazy chunk with Leaflet and its CSS) into a container once the
// basemap is known, and rebuilds it when the basemap changes. Returns the map once it exists.
import { useEffect, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import type { BasemapConfig } from '../../../shared/map/basemap';
import type { RouteMap, RouteMapEvents } from './routeMap';

export function useRouteMap(container: RefObject<HTMLDivElement | null>, basemap: BasemapConfig | null, events: RouteMapEvents): RouteMap | null {
  const [map, setMap] = useState<RouteMap | null>(null);
  const key = basemap ? JSON.stringify(basemap) : null;
  useEffect(() => {
    if (!basemap || !container.current) return;
    let live = true;
    let created: RouteMap | null = null;
    void import('./routeMap').then(({ RouteMap }) => {
      if (!live || !container.current) return;
      created = new RouteMap(container.current, basemap, events);
      setMap(created);
    });
    return () => {
      live = false;
      created?.destroy();
      setMap(null);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the map is rebuilt only when the basemap itself changes (key); events are read at creation
  }, [key]);
  return map;
}
