// The street's communities, and a new one with its first admin. The answer's single-use code is
// shown as text and as a QR, with its expiry: the admin enrolls with it, then runs the community
// from its own admin screen.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { localName } from '../../AppContext';
import { useI18n } from '../../i18n';
import { useEndpointConfig } from '../../ui/useEndpointConfig';
import { EnrollmentCodeCard } from '../../ui/EnrollmentCodeCard';
import { createCommunity, listCommunities } from '../../sync/streetApi';
import type { Community } from '../../../shared/protocol/street';
import { isTimeZone } from '../../../shared/report/timeZone';
import { streetErrorText } from './streetError';
import '../../../shared/i18n/features/street';

interface Created {
  community: string;
  admin: string;
  code: string;
  expiresAt: string;
}

export function CommunitiesSection() {
  const { t, locale } = useI18n();
  const config = useEndpointConfig();
  const [communities, setCommunities] = useState<Community[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState({ zh: '', en: '', zone: '', admin: '' });
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const result = useRef<HTMLHeadingElement>(null);
  // The code replaces the form where the thumb just was; focus follows, so it is also read out.
  useEffect(() => result.current?.focus(), [created]);
  const fail = useCallback((e: unknown) => setError(streetErrorText(e, t)), [t]);
  const refresh = useCallback(() => listCommunities(config).then(setCommunities, fail), [config, fail]);
  useEffect(() => void refresh(), [refresh]);

  const zone = form.zone.trim();
  const zoneInvalid = zone !== '' && !isTimeZone(zone);
  const ready = form.zh.trim() && form.en.trim() && form.admin.trim() && !zoneInvalid;
  const field = (key: keyof typeof form) => ({ value: form[key], onInput: (e: Event) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value }) });

  async function submit(event: Event) {
    event.preventDefault();
    if (!ready || busy) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await createCommunity(config, { name: { zh: form.zh.trim(), en: form.en.trim() }, timeZone: zone || null, admin: { name: form.admin.trim() } });
      setCreated({ community: localName(answer.community.name, locale), admin: form.admin.trim(), code: answer.admin.code, expiresAt: answer.admin.expiresAt });
      setForm({ zh: '', en: '', zone: '', admin: '' });
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
      {created ? (
        <section class="card stack" aria-labelledby="created-heading">
          <h2 id="created-heading" ref={result} tabIndex={-1}>{created.community}</h2>
          <p>{t('street.created', { community: created.community, name: created.admin })}</p>
          <EnrollmentCodeCard code={created.code} expiresAt={created.expiresAt} />
          <button type="button" class="btn btn--block" onClick={() => setCreated(null)}>{t('street.newCommunity')}</button>
        </section>
      ) : (
        <section class="card" aria-labelledby="new-community-heading">
          <h2 id="new-community-heading">{t('street.newCommunity')}</h2>
          <form class="stack" onSubmit={(e) => void submit(e)}>
            <label class="field"><span>{t('street.nameZh')}</span><input lang="zh-CN" required {...field('zh')} /></label>
            <label class="field"><span>{t('street.nameEn')}</span><input lang="en" required {...field('en')} /></label>
            <label class="field">
              <span>{t('street.timeZone')}</span>
              <input placeholder="Asia/Shanghai" autocapitalize="off" spellcheck={false} aria-invalid={zoneInvalid} aria-describedby="zone-hint" {...field('zone')} />
            </label>
            <p id="zone-hint" class={zoneInvalid ? 'error' : 'muted'}>{t(zoneInvalid ? 'street.timeZoneInvalid' : 'street.timeZoneHint')}</p>
            <label class="field"><span>{t('street.adminName')}</span><input required {...field('admin')} /></label>
            <button type="submit" class="btn btn--primary" disabled={!ready || busy}>{t(busy ? 'street.creating' : 'street.create')}</button>
          </form>
        </section>
      )}
      <section aria-labelledby="communities-heading">
        <h2 id="communities-heading">{t('street.communityList')}</h2>
        {communities?.length === 0 && <p class="muted">{t('street.noCommunityYet')}</p>}
        {!communities && !error && <p class="loading">{t('app.loading')}</p>}
        <ul class="figure-list">
          {(communities ?? []).map((c) => (
            <li key={c.id} class="figure-card">
              <h3 lang="zh-CN">{c.name.zh}</h3>
              <p lang="en">{c.name.en}</p>
              <p class="muted">{c.timeZone ? t('street.ownZone', { zone: c.timeZone }) : t('street.streetZone')}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
