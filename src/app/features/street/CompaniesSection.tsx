// The street's property companies, and a new one. Communities assign hazards to these; every
// phone of the street gets a new one at its next sync.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { useEndpointConfig } from '../../ui/useEndpointConfig';
import { addCompany, listCompanies } from '../../sync/streetApi';
import type { PropertyCompany } from '../../../shared/domain/schemas';
import { localName } from '../../AppContext';
import { streetErrorText } from './streetError';
import '../../../shared/i18n/features/street';

export function CompaniesSection() {
  const { t, locale } = useI18n();
  const config = useEndpointConfig();
  const [companies, setCompanies] = useState<PropertyCompany[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [name, setName] = useState({ zh: '', en: '' });
  const [busy, setBusy] = useState(false);
  const fail = useCallback((e: unknown) => setError(streetErrorText(e, t)), [t]);
  const refresh = useCallback(() => listCompanies(config).then(setCompanies, fail), [config, fail]);
  useEffect(() => void refresh(), [refresh]);
  const ready = name.zh.trim() && name.en.trim();

  async function submit(event: Event) {
    event.preventDefault();
    if (!ready || busy) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const company = await addCompany(config, { zh: name.zh.trim(), en: name.en.trim() });
      setDone(t('street.companyAdded', { company: localName(company.name, locale) }));
      setName({ zh: '', en: '' });
      void refresh();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {error && <p class="error" role="alert">{error}</p>}
      <section class="card" aria-labelledby="new-company-heading">
        <h2 id="new-company-heading">{t('street.newCompany')}</h2>
        <form class="stack" onSubmit={(e) => void submit(e)}>
          <label class="field"><span>{t('street.nameZh')}</span>
            <input lang="zh-CN" required value={name.zh} onInput={(e) => setName({ ...name, zh: e.currentTarget.value })} />
          </label>
          <label class="field"><span>{t('street.nameEn')}</span>
            <input lang="en" required value={name.en} onInput={(e) => setName({ ...name, en: e.currentTarget.value })} />
          </label>
          <button type="submit" class="btn btn--primary" disabled={!ready || busy}>{t('street.addCompany')}</button>
        </form>
        <p aria-live="polite">{done}</p>
      </section>
      <section aria-labelledby="companies-heading">
        <h2 id="companies-heading">{t('street.companyList')}</h2>
        {companies?.length === 0 && <p class="muted">{t('street.noCompanyYet')}</p>}
        {!companies && !error && <p class="loading">{t('app.loading')}</p>}
        <ul class="figure-list">
          {(companies ?? []).map((c) => (
            <li key={c.id} class="figure-card">
              <h3 lang="zh-CN">{c.name.zh}</h3>
              <p lang="en">{c.name.en}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
