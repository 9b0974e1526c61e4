// Home: who I am and where, the sync state, the big New hazard button and my hazards. The street
// office and property-company staff log no hazards and walk no rounds (the endpoint refuses
// both): the office gets its dashboard, staff the hazards assigned to their company.
import { useApp, localName, belongsTo } from '../../AppContext';
import { useI18n } from '../../i18n';
import { useLiveQuery } from '../../ui/useLiveQuery';
import { navigate } from '../../ui/useRoute';
import { SyncPanel } from './SyncPanel';
import { HazardList } from './HazardList';
import { RoundPanel } from '../rounds';

export function HomeScreen() {
  const { db, session } = useApp();
  const { t, locale } = useI18n();
  const { member, place } = session;
  const kind = belongsTo(session);
  const team = useLiveQuery(() => db.teams.get(member.teamId ?? ''), [db, member.teamId]);
  const companyId = place?.propertyCompanyId ?? '';
  const company = useLiveQuery(() => db.propertyCompanies.get(companyId), [db, companyId]);
  const where = place && localName(place.community ?? place.street, locale);
  const nav = (route: Parameters<typeof navigate>[0], label: string) => (
    <button type="button" class="btn btn--block" onClick={() => navigate(route)}>
      {label}
    </button>
  );

  return (
    <section class="screen">
      <header class="topbar">
        <div>
          <h1>{t('app.name')}</h1>
          {where && <p>{where}</p>}
          <p class="muted">
            {member.name} · {t(kind === 'community' ? `home.role.${member.role}` : kind === 'street' ? 'home.role.street' : 'home.role.staff')}
            {team && ` · ${t('home.team', { team: localName(team.name, locale) })}`}
          </p>
        </div>
        <button type="button" class="btn btn--ghost" onClick={() => navigate('settings')}>
          {t('home.settings')}
        </button>
      </header>
      {kind === 'street' && (
        <button type="button" class="btn btn--primary btn--huge" onClick={() => navigate('admin')}>
          {t('street.open')}
        </button>
      )}
      {kind === 'community' && (
        <>
          <button type="button" class="btn btn--primary btn--huge" onClick={() => navigate('new-hazard')}>
            {t('home.newHazard')}
          </button>
          <RoundPanel />
          {member.role === 'member' && nav('map', t('map.myRounds'))}
          {member.role !== 'member' && (
            <>
              {nav('map', t('map.title'))}
              {nav('coverage', t('coverage.open'))}
              {nav('reports', t('report.title'))}
            </>
          )}
          {member.role === 'admin' && (
            <>
              {nav('admin', t('admin.open'))}
              {nav('checkpoints', t('sheet.open'))}
            </>
          )}
        </>
      )}
      <SyncPanel />
      {kind !== 'street' && (
        <HazardList title={kind === 'company' ? t('home.assignedTo', { company: company ? localName(company.name, locale) : companyId }) : t('home.hazards')} />
      )}
    </section>
  );
}
