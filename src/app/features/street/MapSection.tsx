// The street map: the week's switcher, then a Leaflet map (its chunk loads when this view opens)
// with each community's compounds outlined and the week's hazards as dots by severity, and a
// legend whose communities zoom the map to them. No tracks: those are personal data.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useApp, localName } from '../../AppContext';
import { useI18n } from '../../i18n';
import { useEndpointConfig } from '../../ui/useEndpointConfig';
import { streetMap } from '../../sync/streetApi';
import { loadBasemapLayers, useBasemap } from '../map';
import type { StreetMap } from '../../../shared/protocol/street';
import { SEVERITIES } from '../../../shared/domain/schemas';
import { SEVERITY_COLORS } from '../../../shared/report/severityColors';
import { WeekSwitch } from './WeekSwitch';
import { streetErrorText } from './streetError';
import { hazardText, streetMapLayers } from './streetMapLayers';
import type { StreetLeaflet } from './streetLeaflet';
import '../../../shared/i18n/features/street';

export function MapSection({ zone }: { zone: string }) {
  const { db } = useApp();
  const { t, locale } = useI18n();
  const config = useEndpointConfig();
  const basemap = useBasemap(db, config);
  const [asked, setAsked] = useState<string | null>(null);
  const [data, setData] = useState<StreetMap | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const [tiles, setTiles] = useState<'ok' | 'error'>('ok');
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<StreetLeaflet | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    setError(null);
    streetMap(config, asked ?? undefined, abort.signal).then(setData, (e: unknown) => abort.signal.aborted || setError(e));
    return () => abort.abort();
  }, [config, asked, attempt]);

  // As the week's figures: never another week's map under this week's heading.
  const shown = asked ?? data?.week ?? null;
  const current = data && (asked === null || data.week === asked) ? data : null;
  const layers = useMemo(() => (current && basemap ? streetMapLayers(current, basemap.crs) : null), [current, basemap]);
  const names = useMemo(() => new Map(current?.communities.map((c) => [c.id, localName(c.name, locale)])), [current, locale]);
  const words = useMemo(() => new Map(current?.hazards.map((h) => [h.id, hazardText(h, names.get(h.communityId) ?? h.communityId, t)])), [current, names, t]);

  const basemapKey = basemap ? JSON.stringify(basemap) : null;
  useEffect(() => {
    if (!basemap || !container.current) return;
    let live = true;
    let built: StreetLeaflet | null = null;
    void Promise.all([import('./streetLeaflet'), loadBasemapLayers()]).then(([{ StreetLeaflet }, addBasemapLayers]) => {
      if (!live || !container.current) return;
      built = new StreetLeaflet(container.current, { basemap, addBasemapLayers, zoomTitles: { in: t('street.map.zoomIn'), out: t('street.map.zoomOut') }, onSelect: setSelected, onTiles: setTiles });
      setMap(built);
    });
    return () => {
      live = false;
      built?.destroy();
      setMap(null);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rebuilt only when the basemap itself changes
  }, [basemapKey]);

  useEffect(() => {
    if (!map) return;
    // While another week loads (or failed), its map is not left under this week's heading.
    map.draw(layers ?? { communities: [], dots: [], box: null }, (id) => words.get(id) ?? id);
    if (!layers) return;
    map.fitTo(layers.box);
    setSelected(null);
  }, [map, layers, words]);
  useEffect(() => map?.select(selected), [map, selected]);

  const chosen = selected ? current?.hazards.find((h) => h.id === selected) : undefined;
  const noTiles = basemap?.provider === 'none' || tiles === 'error';
  return (
    <>
      <WeekSwitch shown={shown} zone={zone} onPick={setAsked} />
      {error !== null && (
        <div class="stack">
          <p class="error" role="alert">{streetErrorText(error, t)}</p>
          <button type="button" class="btn btn--block" onClick={() => setAttempt((n) => n + 1)}>{t('street.retry')}</button>
        </div>
      )}
      {!current && error === null && <p class="loading">{t('app.loading')}</p>}
      <div ref={container} class="street-map" role="region" aria-label={t('street.map.label')} data-testid="street-map" />
      {noTiles && <p class="muted">{t('street.map.tiles')}</p>}
      {current && layers && (
        <>
          <p class="street-map__hazard" role="status">
            {chosen ? words.get(chosen.id) : layers.box === null ? t('street.map.nothing') : current.hazards.length ? t('street.map.tapHint') : t('street.map.noHazards')}
          </p>
          <section class="street-legend" aria-labelledby="legend-heading">
            <h2 id="legend-heading">{t('street.map.legend')}</h2>
            <h3>{t('street.map.communities')}</h3>
            <ul>
              <li><button type="button" class="btn street-legend__community" disabled={!layers.box} onClick={() => map?.fitTo(layers.box, true)}>{t('street.map.all')}</button></li>
              {layers.communities.map((c) => (
                <li key={c.id}>
                  <button type="button" class="btn street-legend__community" disabled={!c.box} onClick={() => map?.fitTo(c.box, true)}>
                    <span class="street-legend__outline" style={{ borderColor: c.colour }} aria-hidden="true" />
                    {names.get(c.id)}
                  </button>
                </li>
              ))}
            </ul>
            <h3>{t('street.map.severity')}</h3>
            <ul class="street-legend__severities">
              {[...SEVERITIES].reverse().map((s) => (
                <li key={s}><span class="street-dot__fill" style={{ background: SEVERITY_COLORS[s] }} aria-hidden="true" />{t(`severity.${s}`)}</li>
              ))}
              <li><span class="street-dot__fill street-dot__fill--overdue" aria-hidden="true" />{t('street.map.overdueRing')}</li>
            </ul>
            <p class="muted">{t('street.map.noTracks')}</p>
          </section>
        </>
      )}
    </>
  );
}
