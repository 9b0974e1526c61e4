// Home: who I am, the sync state, the big New hazard button and my hazards.
import { useApp, localName } from '../../AppContext';
import { useI18n } from '../../i18n';
import { useLiveQuery } from '../../ui/useLiveQuery';
import { navigate } from '../../ui/useRoute';
import { SyncPanel } from './SyncPanel';
import { HazardList } from './HazardList';
import { RoundPanel } from '../rounds';

export function HomeScreen() {
  const { db, session } = useApp();
  const { t, locale } = useI18n();
  const { member } = session;
  const team = useLiveQuery(() => db.teams.get(member.teamId ?? ''), [db, member.teamId]);

  return (
    <section class="screen">
      <header class="topbar">
        <div>
          <h1>{t('app.name')}</h1>
          <p class="muted">
            {member.name} · {t(`home.role.${member.role}`)}
            {team && ` · ${t('home.team', { team: localName(team.name, locale) })}`}
          </p>
        </div>
        <button type="button" class="btn btn--ghost" onClick={() => navigate('settings')}>
          {t('home.settings')}
        </button>
      </header>
      <button type="button" class="btn btn--primary btn--huge" onClick={() => navigate('new-hazard')}>
        {t('home.newHazard')}
      </button>
      <RoundPanel />
      {member.role === 'member' && (
        <button type="button" class="btn btn--block" onClick={() => navigate('map')}>
          {t('map.myRounds')}
        </button>
      )}
      {member.role !== 'member' && (
        <>
          <button type="button" class="btn btn--block" onClick={() => navigate('map')}>
            {t('map.title')}
          </button>
          <button type="button" class="btn btn--block" onClick={() => navigate('coverage')}>
            {t('coverage.open')}
          </button>
          <button type="button" class="btn btn--block" onClick={() => navigate('reports')}>
            {t('report.title')}
          </button>
        </>
      )}
      {member.role === 'admin' && (
        <>
          <button type="button" class="btn btn--block" onClick={() => navigate('admin')}>
            {t('admin.open')}
          </button>
          <button type="button" class="btn btn--block" onClick={() => navigate('checkpoints')}>
            {t('sheet.open')}
          </button>
        </>
      )}
      <SyncPanel />
      <HazardList />
    </section>
  );
}
