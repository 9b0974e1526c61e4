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
      <Choice label={t('map.team')} value={filter.teamId} onChange={(v) => set({ teamId: orNull(v), memberId: null })}
        options={teams.map((team) => [team.id, localName(team.name, locale)])} />
      <Choice label={t('map.member')} value={filter.memberId} onChange={(v) => set({ memberId: orNull(v) })}
        options={teamMembers.map((m) => [m.id, m.name])} />
      <Choice label={t('map.category')} value={filter.categoryId} onChange={(v) => set({ categoryId: orNull(v) })}
        options={categories.map((c) => [c.id, localName(c.name, locale)])} />
      <Choice label={t('map.severity')} value={filter.severity} onChange={(v) => set({ severity: SEVERITIES.find((s) => s === v) ?? null })}
        options={SEVERITIES.map((s) => [s, t(`severity.${s}`)])} />
      <Choice label={t('map.status')} value={filter.status} onChange={(v) => set({ status: HAZARD_STATUSES.find((s) => s === v) ?? null })}
        options={HAZARD_STATUSES.map((s) => [s, t(`hazard.status.${s}`)])} />
      <label class="check">
        <input type="checkbox" checked={filter.openOnly} onChange={(e) => set({ openOnly: e.currentTarget.checked })} />
        {t('map.openOnly')}
      </label>
    </fieldset>
  );
}

/** One filter: a labelled select whose first choice, "Any", clears it. */
function Choice({ label, value, onChange, options }: {
  label: string;
  value: string | null;
  onChange: (value: string) => void;
  options: ReadonlyArray<readonly [string, string]>;
}) {
  const { t } = useI18n();
  return (
    <label class="field">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t('map.any')}</option>
        {options.map(([id, text]) => <option key={id} value={id}>{text}</option>)}
      </select>
    </label>
  );
}
