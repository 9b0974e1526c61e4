// The week across the street: a switcher (no further than the week in progress), then one card
// per community and one per property company. Cards, not a table: a phone is 360 px wide.
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { useEndpointConfig } from '../../ui/useEndpointConfig';
import { fetchDashboard } from '../../sync/streetApi';
import type { StreetDashboard } from '../../../shared/protocol/street';
import { WeekSwitch } from './WeekSwitch';
import { streetErrorText } from './streetError';
import { CommunityCard, CompanyCard, isIdle } from './FigureCards';
import { localName } from '../../AppContext';
import '../../../shared/i18n/features/street';

export function DashboardSection({ zone }: { zone: string }) {
  const { t, locale } = useI18n();
  const config = useEndpointConfig();
  // null until a week is picked: the endpoint's default (its last complete week).
  const [asked, setAsked] = useState<string | null>(null);
  const [data, setData] = useState<StreetDashboard | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    setError(null);
    fetchDashboard(config, asked ?? undefined, abort.signal).then(setData, (e: unknown) => abort.signal.aborted || setError(e));
    return () => abort.abort();
  }, [config, asked, attempt]);

  const shown = asked ?? data?.week ?? null;
  // Another week's figures are never shown under this week's heading: while the answer is on its
  // way (or failed), the heading names the week asked for and the figures wait.
  const figures = data && (asked === null || data.week === asked) ? data : null;

  return (
    <>
      <WeekSwitch shown={shown} zone={zone} onPick={setAsked} />
      {error !== null && (
        <div class="stack">
          <p class="error" role="alert">{streetErrorText(error, t)}</p>
          <button type="button" class="btn btn--block" onClick={() => setAttempt((n) => n + 1)}>{t('street.retry')}</button>
        </div>
      )}
      {!figures && error === null && <p class="loading">{t('app.loading')}</p>}
      {figures && (
        <div class="street__figures">
          <h2>{t('street.byCommunity')}</h2>
          {figures.communities.length === 0 && <p class="muted">{t('street.noCommunities')}</p>}
          <ul class="figure-list">
            {figures.communities.map((c) => <CommunityCard key={c.communityId} figures={c} week={figures.week} />)}
          </ul>
          <h2>{t('street.byCompany')}</h2>
          <ul class="figure-list">
            {figures.companies.filter((c) => !isIdle(c)).map((c) => <CompanyCard key={c.companyId} figures={c} />)}
          </ul>
          {figures.companies.some(isIdle) && (
            <p class="muted idle">{t('street.idleCompanies', { list: figures.companies.filter(isIdle).map((c) => localName(c.name, locale)).join(locale === 'zh-CN' ? '、' : ', ') })}</p>
          )}
        </div>
      )}
    </>
  );
}
