// One hazard: its details, photos, history and the lifecycle actions the viewer may take.
// Its own chunk, loaded when #/hazard/<id> opens.
import { useApp } from '../../AppContext';
import { useI18n } from '../../i18n';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { useRouteParam } from '../../ui/useRoute';
import { useHazardDetail } from './useHazardDetail';
import { HazardFacts } from './HazardFacts';
import { LifecycleActions } from './LifecycleActions';
import { HazardHistory } from './HazardHistory';
import '../../../shared/i18n/features/lifecycle';

export function HazardDetailScreen() {
  const { db, session } = useApp();
  const { t } = useI18n();
  const id = useRouteParam();
  const detail = useHazardDetail(db, session, id);
  const hazard = detail?.hazard;
  return (
    <section class="screen hazard-detail">
      <ScreenHeader title={t('hazard.title')} />
      {!detail ? (
        <p class="loading">{t('app.loading')}</p>
      ) : !hazard ? (
        <p>{t('hazard.notFound')}</p>
      ) : (
        <>
          <HazardFacts hazard={hazard} detail={detail} />
          {/* Keyed by hazard: opening the original from a duplicate starts with no form open. */}
          <LifecycleActions key={hazard.id} hazard={hazard} detail={detail} />
          <HazardHistory hazard={hazard} detail={detail} />
        </>
      )}
    </section>
  );
}
