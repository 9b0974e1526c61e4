// "Save patrol area for offline use": only shown for a provider the server marks as permitting
// it (a community's own tile server; never OSM). Fetches the area's tiles at zoom 14–17 a few
// at a time (sync/warmTiles); the service worker's tile cache keeps them.
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import type { BasemapConfig } from '../../../shared/map/basemap';
import type { Compound } from '../../../shared/domain/schemas';
import { areaTileUrls } from '../../../shared/map/areaTiles';
import { warmTiles } from '../../sync/warmTiles';
import '../../../shared/i18n/features/map';

export function AreaPrefetch({ basemap, compounds }: { basemap: BasemapConfig; compounds: readonly Compound[] }) {
  const { t } = useI18n();
  const [progress, setProgress] = useState<{ done: number; total: number; finished: boolean } | null>(null);
  const run = async () => {
    // gcoord stays in the map's chunk, loaded already when this button shows.
    const { toDisplay } = await import('../../../shared/map/displayCoords');
    const corners = compounds.flatMap((c) => c.polygon.map(([lng, lat]) => toDisplay(lat, lng, basemap.crs)));
    if (!corners.length) return;
    const lats = corners.map(([lat]) => lat);
    const lngs = corners.map(([, lng]) => lng);
    const urls = areaTileUrls(basemap, { south: Math.min(...lats), north: Math.max(...lats), west: Math.min(...lngs), east: Math.max(...lngs) }, [14, 15, 16, 17]);
    setProgress({ done: 0, total: urls.length, finished: false });
    const done = await warmTiles(urls, (n) => setProgress({ done: n, total: urls.length, finished: false }));
    setProgress({ done, total: urls.length, finished: true });
  };
  return (
    <div>
      <button type="button" class="btn btn--small" disabled={progress !== null && !progress.finished} onClick={() => void run()}>{t('map.saveArea')}</button>
      <p role="status" class="muted">
        {progress && (progress.finished ? t('map.savedArea', { n: progress.done }) : t('map.savingArea', { done: progress.done, total: progress.total }))}
      </p>
    </div>
  );
}
