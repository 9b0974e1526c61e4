// The list beside (wide) or under (phone) the map: the day's rounds and hazards. Selecting a
// row highlights it on the map; selecting on the map marks and scrolls to the row.
import { useEffect, useState } from 'preact/hooks';
import { localName } from '../../AppContext';
import { useI18n } from '../../i18n';
import { gapText } from '../rounds';
import type { LocalHazard } from '../../db/db';
import type { MapDay } from './loadMapDay';
import type { RoundSummary } from './roundSummaries';
import '../../../shared/i18n/features/map';

interface Props {
  data: MapDay;
  rounds: readonly RoundSummary[];
  hazards: readonly LocalHazard[];
  colours: ReadonlyMap<string, string>;
  selected: string | null;
  onSelect: (key: string) => void;
}

const rowId = (key: string) => `map-item-${key.replace(':', '-')}`;
/** A phone shows this many hazards until asked for all: the worst and latest first. */
const FIRST_HAZARDS = 50;
const SEVERITY_RANK = { urgent: 0, high: 1, medium: 2, low: 3 } as const;

export function MapList({ data, rounds, hazards, colours, selected, onSelect }: Props) {
  const { t, locale, time } = useI18n();
  const [showAll, setShowAll] = useState(false);
  useEffect(() => {
    if (selected) document.getElementById(rowId(selected))?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  const categoryNames = new Map(data.categories.map((c) => [c.id, c.name]));
  const compoundNames = new Map(data.compounds.map((c) => [c.id, c.name]));
  const row = (key: string, content: preact.ComponentChildren) => (
    <li key={key} id={rowId(key)}>
      <button type="button" aria-pressed={selected === key} onClick={() => onSelect(key)}>{content}</button>
    </li>
  );
  return (
    <div class="map-list">
      <section aria-labelledby="map-rounds-heading">
        <h2 id="map-rounds-heading">{t('map.rounds', { n: rounds.length })}</h2>
        {rounds.length === 0 && <p class="muted">{t('map.noRounds')}</p>}
        <ul>
          {rounds.map((r) =>
            row(`round:${r.id}`, <>
              <span class="swatch" style={{ background: colours.get(r.walkerId) ?? '#777' }} aria-hidden="true" />
              <strong>{t('map.roundRow', { member: data.members.get(r.walkerId)?.name ?? r.walkerId, start: time(r.startedAt), end: r.endedAt ? time(r.endedAt) : t('map.stillOpen') })}</strong>
              <br />
              <span class="muted">
                {[t('map.km', { km: (r.distanceM / 1000).toFixed(2) }), gapText(t, r.gaps), r.scans ? t('map.scans', { n: r.scans }) : ''].filter(Boolean).join(' · ')}
              </span>
            </>),
          )}
        </ul>
        <p class="muted">{t('map.legend')}</p>
      </section>
      <section aria-labelledby="map-hazards-heading">
        <h2 id="map-hazards-heading">{t('map.hazards', { n: hazards.length })}</h2>
        {hazards.length === 0 && <p class="muted">{t('map.noHazards')}</p>}
        <ul>
          {listed(hazards, selected, showAll).map((h) => {
            const category = categoryNames.get(h.categoryId);
            const compound = h.compoundId ? compoundNames.get(h.compoundId) : undefined;
            return row(`hazard:${h.id}`, <>
              <strong>{[t(`severity.${h.severity}`), t(`hazard.status.${h.status}`), category ? localName(category, locale) : h.categoryId].join(' · ')}</strong>
              <br />
              <span class="muted">{[time(h.createdAt), compound ? localName(compound, locale) : ''].filter(Boolean).join(' · ')}</span>
              <br />
              <span class="hazard-description">{h.description}</span>
            </>);
          })}
        </ul>
        {!showAll && hazards.length > FIRST_HAZARDS && (
          <button type="button" class="btn btn--small" onClick={() => setShowAll(true)}>{t('map.showAllHazards', { n: hazards.length })}</button>
        )}
      </section>
    </div>
  );
}

/** The hazards the list shows: all, or the first few by severity then time, plus the selected one. */
function listed(hazards: readonly LocalHazard[], selected: string | null, all: boolean): readonly LocalHazard[] {
  const sorted = [...hazards].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.createdAt.localeCompare(a.createdAt));
  if (all || sorted.length <= FIRST_HAZARDS) return sorted;
  const first = sorted.slice(0, FIRST_HAZARDS);
  const chosen = selected?.startsWith('hazard:') ? sorted.find((h) => `hazard:${h.id}` === selected) : undefined;
  return chosen && !first.includes(chosen) ? [...first, chosen] : first;
}
