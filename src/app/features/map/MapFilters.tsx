// The map's filters: day, team, member, category, severity, status and "open only".
import { localName } from '../../AppContext';
import { useI18n } from '../../i18n';
import type { MapFilter } from '../../../shared/map/mapFilter';
import { HAZARD_STATUSES, SEVERITIES, type Category, type Member, type Team } from '../../../shared/domain/schemas';
import '../../../shared/i18n/features/map';

interface Props {
  day: string;
  onDay: (day: string) => void;
  filter: MapFilter;
  onFilter: (filter: MapFilter) => void;
  teams: readonly Team[];
  members: readonly Member[];
  categories: readonly Category[];
}

export function MapFilters({ day, onDay, filter, onFilter, teams, members, categories }: Props) {
  const { t, locale } = useI18n();
  const set = (patch: Partial<MapFilter>) => onFilter({ ...filter, ...patch });
  const orNull = (value: string) => (value === '' ? null : value);
  const teamMembers = members.filter((m) => filter.teamId === null || m.teamId === filter.teamId);
  return (
    <fieldset class="map-filters">
      <legend class="visually-hidden">{t('map.filters')}</legend>
      <label class="field">
        <span>{t('map.day')}</span>
        <input type="date" value={day} onChange={(e) => onDay(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('map.team')}</span>
        <select value={filter.teamId ?? ''} onChange={(e) => set({ teamId: orNull(e.currentTarget.value), memberId: null })}>
          <option value="">{t('map.any')}</option>
          {teams.map((team) => <option key={team.id} value={team.id}>{localName(team.name, locale)}</option>)}
        </select>
      </label>
      <label class="field">
        <span>{t('map.member')}</span>
        <select value={filter.memberId ?? ''} onChange={(e) => set({ memberId: orNull(e.currentTarget.value) })}>
          <option value="">{t('map.any')}</option>
          {teamMembers.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
        </select>
      </label>
      <label class="field">
        <span>{t('map.category')}</span>
        <select value={filter.categoryId ?? ''} onChange={(e) => set({ categoryId: orNull(e.currentTarget.value) })}>
          <option value="">{t('map.any')}</option>
          {categories.map((c) => <option key={c.id} value={c.id}>{localName(c.name, locale)}</option>)}
        </select>
      </label>
      <label class="field">
        <span>{t('map.severity')}</span>
        <select value={filter.severity ?? ''} onChange={(e) => set({ severity: SEVERITIES.find((s) => s === e.currentTarget.value) ?? null })}>
          <option value="">{t('map.any')}</option>
          {SEVERITIES.map((s) => <option key={s} value={s}>{t(`severity.${s}`)}</option>)}
        </select>
      </label>
      <label class="field">
        <span>{t('map.status')}</span>
        <select value={filter.status ?? ''} onChange={(e) => set({ status: HAZARD_STATUSES.find((s) => s === e.currentTarget.value) ?? null })}>
          <option value="">{t('map.any')}</option>
          {HAZARD_STATUSES.map((s) => <option key={s} value={s}>{t(`hazard.status.${s}`)}</option>)}
        </select>
      </label>
      <label class="check">
        <input type="checkbox" checked={filter.openOnly} onChange={(e) => set({ openOnly: e.currentTarget.checked })} />
        {t('map.openOnly')}
      </label>
    </fieldset>
  );
}
