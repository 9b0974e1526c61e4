// The lead's map of a day: rounds coloured per walker and broken at gaps, hazards by severity
// and status, checkpoint scans and compound outlines, with filters, a list and a replay slider.
// Reads Dexie only; Leaflet loads with this screen and never on the capture path.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useApp } from '../../AppContext';
import { useI18n } from '../../i18n';
import { getMeta } from '../../db/meta';
import { useLiveQuery } from '../../ui/useLiveQuery';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { navigate } from '../../ui/useRoute';
import { useEndpointConfig } from '../../ui/useEndpointConfig';
import { filterHazards, filterRounds, NO_FILTER, type MapFilter } from '../../../shared/map/mapFilter';
import { memberColours } from '../../../shared/map/memberColours';
import { replayPosition } from '../../../shared/map/replayPosition';
import { loadMapDay } from './loadMapDay';
import { dayBounds } from './dayBounds';
import { unpackTrack } from '../../../shared/map/packedTrack';
import { dayWindow, todayInput } from './dayWindow';
import { roundSummaries } from './roundSummaries';
import { compoundInputs, hazardInputs, scanInputs, trackInputs } from './mapInputs';
import { mountPhotoStrip } from '../../photos/ui/mountPhotoStrip';
import { useBasemap } from './useBasemap';
import { useRouteMap } from './useRouteMap';
import { MapFilters } from './MapFilters';
import { MapList } from './MapList';
import { ReplaySlider } from './ReplaySlider';
import { DayFetch } from './DayFetch';
import { AreaPrefetch } from './AreaPrefetch';
import '../../../shared/i18n/features/map';

export function MapScreen() {
  const services = useApp();
  const { db, session } = services;
  // App rebuilds its services object on each render; popups read the latest without redrawing.
  const servicesNow = useRef(services);
  servicesNow.current = services;
  const i18n = useI18n();
  const { t, locale, dateTime } = i18n;
  const ownOnly = session.member.role === 'member' ? session.member.id : null;
  const [day, setDay] = useState(todayInput);
  const dayRange = useMemo(() => dayWindow(day), [day]);
  const [filter, setFilter] = useState<MapFilter>(NO_FILTER);
  const [selected, setSelected] = useState<string | null>(null);
  const [replayAt, setReplayAt] = useState<number | null>(null);
  const [tiles, setTiles] = useState<'ok' | 'error'>('ok');
  const data = useLiveQuery(() => loadMapDay(db, dayRange, ownOnly), [db, dayRange.from, ownOnly]);
  const lastSyncAt = useLiveQuery(() => getMeta(db, 'lastSyncAt'), [db]);
  const basemap = useBasemap(db, useEndpointConfig());
  const container = useRef<HTMLDivElement>(null);
  const map = useRouteMap(container, basemap, { onSelect: setSelected, onTiles: setTiles });

  const colours = useMemo(() => memberColours(data ? data.members.keys() : []), [data]);
  const summaries = useMemo(() => (data ? roundSummaries(data) : new Map()), [data]);
  // Only team and member choose rounds: other filters leave the tracks and scans as drawn.
  const rounds = useMemo(
    () => (data ? filterRounds(data.rounds, filter, dayRange) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only team and member choose rounds (see above)
    [data, filter.teamId, filter.memberId, dayRange],
  );
  const hazards = useMemo(() => {
    const matching = data ? filterHazards(data.hazards, filter, dayRange) : [];
    return replayAt === null ? matching : matching.filter((h) => Date.parse(h.createdAt) <= replayAt);
  }, [data, filter, dayRange, replayAt]);

  useEffect(() => {
    if (map && data) map.setCompounds(compoundInputs(data, locale));
  }, [map, data, locale]);
  // The view is set once per day shown (and per map built) from the data's bounds, before the
  // tracks are added, so they are simplified for the zoom they are seen at, once.
  const fitted = useRef<string | null>(null);
  useEffect(() => {
    if (!map || !data) return;
    const fitKey = `${data.day.from}`;
    if (fitted.current !== fitKey) {
      fitted.current = fitKey;
      const bounds = dayBounds(data, rounds, hazards);
      if (bounds) map.fitTo(bounds);
    }
    map.setTracks(trackInputs(data, rounds, colours));
    map.setScans(scanInputs(data, rounds, colours));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- hazards only shape the first fit; redrawing tracks for them would be wasted
  }, [map, data, rounds, colours]);
  useEffect(() => {
    if (!map || !data) return;
    const photos = (ids: readonly string[], hazardId: string) => mountPhotoStrip(servicesNow.current, i18n, ids, hazardId);
    map.setHazards(hazardInputs(data, hazards, data.events, i18n, (id) => navigate('hazard', { param: id }), photos));
  }, [map, data, hazards, i18n]);
  useEffect(() => map?.select(selected, true), [map, selected]);
  // Replay needs point objects; they are unpacked only once the slider is first moved.
  const replaying = replayAt !== null;
  const unpacked = useMemo(() => (data && replaying ? new Map([...data.tracks].map(([id, t]) => [id, unpackTrack(t.packed)])) : null), [data, replaying]);
  useEffect(() => {
    if (!map || !data) return;
    const positions = replayAt === null || !unpacked ? [] : rounds.flatMap((r) => {
      const at = replayPosition(unpacked.get(r.id) ?? [], replayAt);
      return at ? [{ id: r.id, lat: at.lat, lng: at.lng, colour: colours.get(r.startedBy) ?? '#555', label: data.members.get(r.startedBy)?.name ?? '', dim: at.lastKnown }] : [];
    });
    map.setPositions(positions);
  }, [map, data, rounds, colours, replayAt, unpacked]);

  // Performance marks the bench reads: the first complete paint of tracks and markers after the
  // screen opened, and each filter change from the input to its paint (see tests/bench).
  const painted = useRef(false);
  useEffect(() => {
    if (!map || !data) return;
    void map.painted().then(() => {
      if (!painted.current) performance.mark('map-painted');
      painted.current = true;
      if (performance.getEntriesByName('map-filter', 'mark').length) {
        performance.measure('map-filter-change', 'map-filter');
        performance.clearMarks('map-filter');
      }
    });
  }, [map, data, rounds, hazards]);
  const changeFilter = (next: MapFilter) => {
    performance.mark('map-filter');
    setFilter(next);
  };

  const shownRounds = rounds.map((r) => summaries.get(r.id)).filter((s) => s !== undefined);
  return (
    <section class="screen screen--map">
      <ScreenHeader title={t(ownOnly ? 'map.myRounds' : 'map.title')} />
      <p class="muted">{lastSyncAt ? t('map.dataAsOf', { time: dateTime(lastSyncAt) }) : t('map.neverPulled')}</p>
      <DayFetch day={dayRange} />
      {data && (
        <MapFilters day={day} onDay={(value) => { setDay(value); setReplayAt(null); setSelected(null); }} filter={filter} onFilter={changeFilter}
          teams={data.teams} members={[...data.members.values()].filter((m) => m.role !== 'admin' && m.active)} categories={data.categories} />
      )}
      <ReplaySlider day={dayRange} at={replayAt} onAt={setReplayAt} />
      {basemap?.provider === 'none' && <p class="map-notice">{t('map.noBasemap')}</p>}
      {basemap?.provider !== 'none' && tiles === 'error' && <p class="map-notice" role="status">{t('map.tilesOffline')}</p>}
      {basemap?.allowPrefetch && data && <AreaPrefetch basemap={basemap} compounds={data.compounds} />}
      <div class="map-layout">
        <div ref={container} class="route-map" role="region" aria-label={t('map.region')} />
        {data ? <MapList data={data} rounds={shownRounds} hazards={hazards} colours={colours} selected={selected} onSelect={setSelected} /> : <p class="loading">{t('app.loading')}</p>}
      </div>
    </section>
  );
}
