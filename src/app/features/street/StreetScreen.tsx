// The street office: the week across its communities and property companies, its map, its communities
// (and a new one with its first admin), and its property companies. Online only, like the admin
// screen it stands in for. Which part shows lives in the hash (#/admin/communities), so the back
// button and a reload keep it.
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../AppContext';
import { useI18n } from '../../i18n';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { navigate, useRouteParam } from '../../ui/useRoute';
import { getMeta } from '../../db/meta';
import { DEFAULT_COMMUNITY_TZ } from '../../../shared/report/isoWeek';
import { DashboardSection } from './DashboardSection';
import { CommunitiesSection } from './CommunitiesSection';
import { CompaniesSection } from './CompaniesSection';
import { MapSection } from './MapSection';
import './street.css';
import '../../../shared/i18n/features/street';

const VIEWS = ['week', 'map', 'communities', 'companies'] as const;
type View = (typeof VIEWS)[number];

export function StreetScreen() {
  const { db } = useApp();
  const { t } = useI18n();
  const param = useRouteParam();
  const view: View = VIEWS.find((v) => v === param) ?? 'week';
  // The street's zone as the last config pull gave it; the endpoint counts the dashboard's weeks in it.
  const [zone, setZone] = useState<string | null>(null);
  useEffect(() => void getMeta(db, 'communityTimeZone').then((z) => setZone(z ?? DEFAULT_COMMUNITY_TZ)), [db]);

  return (
    <section class="screen street">
      <ScreenHeader title={t('street.title')} />
      <fieldset class="field segmented street__views">
        <legend class="visually-hidden">{t('street.show')}</legend>
        {VIEWS.map((v) => (
          <label key={v} class="segment">
            <input type="radio" name="street-view" value={v} checked={view === v}
              onChange={() => navigate('admin', { replace: true, ...(v === 'week' ? {} : { param: v }) })} />
            <span>{t(`street.view.${v}`)}</span>
          </label>
        ))}
      </fieldset>
      {view === 'week' && zone && <DashboardSection zone={zone} />}
      {view === 'map' && zone && <MapSection zone={zone} />}
      {view === 'communities' && <CommunitiesSection />}
      {view === 'companies' && <CompaniesSection />}
    </section>
  );
}
