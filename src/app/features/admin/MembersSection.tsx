// The roster: add or edit a member (name, team, role) and deactivate or reactivate one.
// Deactivation stops every device of that member at its next request; their records stay.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { localName, useApp } from '../../AppContext';
import { useLiveQuery } from '../../ui/useLiveQuery';
import { useI18n } from '../../i18n';
import { addMember, listMembers, listTeams, updateMember } from '../../sync/adminApi';
import { TeamsSection } from './TeamsSection';
import type { Member, Role, Team } from '../../../shared/domain/schemas';
import { ROLES } from '../../../shared/domain/schemas';
import { useEndpointConfig } from '../../ui/useEndpointConfig';

export function MembersSection({ onError, onChange }: { onError: () => void; onChange: () => void }) {
  const { t, locale } = useI18n();
  const config = useEndpointConfig();
  const [members, setMembers] = useState<Member[]>([]);
  const [teams, setTeams] = useState<Team[]>([]);
  const [name, setName] = useState('');
  const [teamId, setTeamId] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [companyId, setCompanyId] = useState('');
  const { db } = useApp();
  const companies = useLiveQuery(() => db.propertyCompanies.toArray(), [db], []);
  const [editing, setEditing] = useState<string | null>(null);
  const refresh = useCallback(
    () => Promise.all([listMembers(config), listTeams(config)]).then(([m, tm]) => (setMembers(m), setTeams(tm)), onError),
    [config, onError],
  );
  useEffect(() => void refresh(), [refresh]);
  const act = (work: Promise<unknown>) => work.then(refresh).then(onChange, onError);
  const edit = (m: Member | null) => {
    setEditing(m?.id ?? null);
    setName(m?.name ?? '');
    setTeamId(m?.teamId ?? '');
    setRole(m?.role ?? 'member');
    setCompanyId(m?.propertyCompanyId ?? '');
  };
  const save = () => {
    const fields = { name: name.trim(), teamId: teamId || null, role, propertyCompanyId: companyId || null };
    return act(editing ? updateMember(config, editing, fields) : addMember(config, fields)).then(() => edit(null));
  };
  const teamLabel = (id: string | null) => {
    const team = teams.find((x) => x.id === id);
    return team ? localName(team.name, locale) : t('admin.noTeam');
  };

  return (
    <>
    <section class="card" aria-labelledby="members-heading">
      <h2 id="members-heading">{t('admin.members')}</h2>
      <form class="stack" onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <label class="field"><span>{t('admin.name')}</span><input value={name} onInput={(e) => setName(e.currentTarget.value)} required /></label>
        <label class="field"><span>{t('admin.team')}</span>
          <select value={teamId} onChange={(e) => setTeamId(e.currentTarget.value)}>
            <option value="">{t('admin.noTeam')}</option>
            {teams.map((team) => <option key={team.id} value={team.id}>{localName(team.name, locale)}</option>)}
          </select>
        </label>
        <label class="field"><span>{t('admin.role')}</span>
          <select value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            {ROLES.map((r) => <option key={r} value={r}>{t(`home.role.${r}`)}</option>)}
          </select>
        </label>
        <label class="field"><span>{t('admin.company')}</span>
          <select value={companyId} onChange={(e) => setCompanyId(e.currentTarget.value)}>
            <option value="">{t('admin.noCompany')}</option>
            {companies.map((c) => <option key={c.id} value={c.id}>{localName(c.name, locale)}</option>)}
          </select>
        </label>
        <button type="submit" class="btn btn--primary" disabled={!name.trim()}>{t(editing ? 'admin.saveMember' : 'admin.addMember')}</button>
        {editing && <button type="button" class="btn" onClick={() => edit(null)}>{t('form.cancel')}</button>}
      </form>
      <ul class="hazard-list">
        {members.map((m) => (
          <li key={m.id} class="hazard">
            <div class="hazard__head">
              <strong>{m.name}</strong>
              <button type="button" class="btn btn--small" aria-label={t('admin.editName', { name: m.name })} onClick={() => edit(m)}>
                {t('admin.edit')}
              </button>
              <button type="button" class="btn btn--small" aria-label={t(m.active ? 'admin.deactivateName' : 'admin.activateName', { name: m.name })}
                onClick={() => void act(updateMember(config, m.id, { active: !m.active }))}>
                {t(m.active ? 'admin.deactivate' : 'admin.activate')}
              </button>
            </div>
            <p class="muted">{teamLabel(m.teamId)} · {t(`home.role.${m.role}`)}{m.active ? '' : ` · ${t('admin.inactive')}`}</p>
          </li>
        ))}
      </ul>
    </section>
    <TeamsSection teams={teams} act={act} />
    </>
  );
}
