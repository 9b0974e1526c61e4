// One community's week, and one property company's, as cards: counts first, then each time
// beside its count, then the patrol effort and the compounds nobody visited.
import { useState } from 'preact/hooks';
import { localName } from '../../AppContext';
import { useI18n } from '../../i18n';
import { useEndpointConfig } from '../../ui/useEndpointConfig';
import { showToast } from '../../ui/toast';
import { saveFile } from '../../ui/saveFile';
import { fetchCommunityCsv } from '../../sync/streetApi';
import type { CommunityFigures, CompanyFigures } from '../../../shared/protocol/street';
import type { MessageKey } from '../../../shared/i18n';
import { csvName, hoursText } from './figures';
import { streetErrorText } from './streetError';
import '../../../shared/i18n/features/street';

type Figure = [MessageKey, string | number, boolean?];

function Figures({ items }: { items: Figure[] }) {
  const { t } = useI18n();
  return (
    <dl class="figures">
      {items.map(([label, value, alarm]) => (
        <div key={label} class={alarm ? 'figure figure--alarm' : 'figure'}>
          <dt>{t(label)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Times as a small table: a column per measure, median and p90 in rows, each with its count. */
function Times({ columns }: { columns: [MessageKey, Parameters<typeof hoursText>[0]][] }) {
  const { t } = useI18n();
  return (
    <table class="times">
      <thead>
        <tr><td />{columns.map(([label]) => <th key={label} scope="col">{t(label)}</th>)}</tr>
      </thead>
      <tbody>
        {(['median', 'p90'] as const).map((which) => (
          <tr key={which}>
            <th scope="row">{t(`street.${which}`)}</th>
            {columns.map(([label, times]) => <td key={label}>{hoursText(times, which, t)}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CommunityCard({ figures: f, week }: { figures: CommunityFigures; week: string }) {
  const { t, locale } = useI18n();
  const config = useEndpointConfig();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = localName(f.name, locale);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = csvName(week, name);
      saveFile(await fetchCommunityCsv(config, f.communityId, week, locale), file);
      showToast(t('street.reportSaved', { file }));
    } catch (e) {
      setError(streetErrorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li class="figure-card">
      <h3>{name}</h3>
      <Figures items={[
        ['street.found', f.found],
        ['street.stillOpen', f.open],
        ['street.overdue', f.overdue, f.overdue > 0],
        ['street.rounds', f.rounds],
        ['street.patrolHours', f.patrolHours],
      ]} />
      <Times columns={[['street.toAssign', f.toAssign], ['street.toResolve', f.toResolve]]} />
      {f.compounds === 0 ? (
        <p class="muted">{t('street.noCompounds')}</p>
      ) : f.notVisited.length === 0 ? (
        <p>{t('street.allVisited', { total: f.compounds })}</p>
      ) : (
        <details class="not-visited">
          <summary>{t('street.notVisited', { n: f.notVisited.length, total: f.compounds })}</summary>
          <ul>{f.notVisited.map((k) => <li key={k.id}>{localName(k.name, locale)}</li>)}</ul>
        </details>
      )}
      {error && <p class="error" role="alert">{error}</p>}
      <button type="button" class="btn btn--block" disabled={busy} aria-label={t('street.reportCsvOf', { community: name, week })} onClick={() => void download()}>
        {t('street.reportCsv')}
      </button>
    </li>
  );
}

/** A company with nothing assigned, open or resolved this week: named in one line, not a card of zeros. */
export const isIdle = (f: CompanyFigures) => f.assigned === 0 && f.open === 0 && f.resolved === 0;

export function CompanyCard({ figures: f }: { figures: CompanyFigures }) {
  const { locale } = useI18n();
  return (
    <li class="figure-card">
      <h3>{localName(f.name, locale)}</h3>
      <Figures items={[
        ['street.served', f.communities],
        ['street.assigned', f.assigned],
        ['street.stillOpen', f.open],
        ['street.overdue', f.overdue, f.overdue > 0],
        ['street.resolved', f.resolved],
      ]} />
      <Times columns={[['street.toResolve', f.toResolve]]} />
    </li>
  );
}
