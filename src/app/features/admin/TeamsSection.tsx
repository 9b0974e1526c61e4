// Teams: add one, or rename one (the name is shown in both languages the app speaks).
import { useState } from 'preact/hooks';
import { localName } from '../../AppContext';
import { useI18n } from '../../i18n';
import { addTeam, renameTeam } from '../../sync/adminApi';
import type { Team } from '../../../shared/domain/schemas';
import { useEndpointConfig } from '../../ui/useEndpointConfig';

interface Props {
  teams: Team[];
  act: (work: Promise<unknown>) => Promise<unknown>;
}

export function TeamsSection({ teams, act }: Props) {
  const { t, locale } = useI18n();
  const config = useEndpointConfig();
  const [names, setNames] = useState<Record<string, string>>({});
  const [teamName, setTeamName] = useState('');
  return (
    <section class="card" aria-labelledby="teams-heading">
      <h2 id="teams-heading">{t('admin.teams')}</h2>
      <ul class="hazard-list">
        {teams.map((team) => (
          <li key={team.id} class="hazard">
            <label class="field">
              <span>{localName(team.name, locale)}</span>
              <input value={names[team.id] ?? ''} placeholder={t('admin.newName')} onInput={(e) => setNames({ ...names, [team.id]: e.currentTarget.value })} />
            </label>
            <button type="button" class="btn btn--small" disabled={!names[team.id]?.trim()}
              aria-label={t('admin.renameTeam', { name: localName(team.name, locale) })}
              onClick={() => void act(renameTeam(config, team.id, { zh: names[team.id]!.trim(), en: names[team.id]!.trim() })).then(() => setNames({ ...names, [team.id]: '' }))}>
              {t('admin.rename')}
            </button>
          </li>
        ))}
      </ul>
      <form class="stack" onSubmit={(e) => { e.preventDefault(); void act(addTeam(config, { zh: teamName.trim(), en: teamName.trim() })).then(() => setTeamName('')); }}>
        <label class="field"><span>{t('admin.newTeam')}</span><input value={teamName} onInput={(e) => setTeamName(e.currentTarget.value)} required /></label>
        <button type="submit" class="btn" disabled={!teamName.trim()}>{t('admin.addTeam')}</button>
      </form>
    </section>
  );
}
