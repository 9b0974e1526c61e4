// Settings: language, whether storage is persistent, storage use and backup, and this device.
import { useEffect, useState } from 'preact/hooks';
import { localName, useApp } from '../../AppContext';
import { useI18n } from '../../i18n';
import { useLiveQuery } from '../../ui/useLiveQuery';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { getMeta } from '../../db/meta';
import { LOCALES } from '../../../shared/i18n';
import { MyDevices } from './MyDevices';
import { StorageCard } from './StorageCard';
import { IosInstallHint } from './IosInstallHint';

const LANGUAGE_NAMES = { 'zh-CN': '中文', en: 'English' } as const;

export function SettingsScreen() {
  const { db, session, setLocale } = useApp();
  const { t, locale, dateTime } = useI18n();
  const asked = useLiveQuery(() => getMeta(db, 'persistResult'), [db]);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  useEffect(() => {
    void navigator.storage?.persisted?.().then(setPersisted);
  }, [asked]);

  const persistText =
    persisted === true
      ? t('settings.persist.granted')
      : asked === 'unsupported'
        ? t('settings.persist.unsupported')
        : asked === 'denied'
          ? t('settings.persist.denied')
          : t('settings.persist.unknown');

  return (
    <section class="screen">
      <ScreenHeader title={t('settings.title')} />
      <fieldset class="field segmented">
        <legend>{t('settings.language')}</legend>
        {LOCALES.map((l) => (
          <label key={l} class="segment" lang={l}>
            <input type="radio" name="locale" value={l} checked={locale === l} onChange={() => setLocale(l)} />
            <span>{LANGUAGE_NAMES[l]}</span>
          </label>
        ))}
      </fieldset>
      <IosInstallHint />
      <section class="card">
        <h2>{t('settings.persist')}</h2>
        <p>{persistText}</p>
      </section>
      <StorageCard />
      <MyDevices />
      <section class="card">
        <h2>{t('settings.device')}</h2>
        <p>{session.member.name}</p>
        {session.place && <p>{localName(session.place.community ?? session.place.street, locale)}</p>}
        <p class="muted">
          {session.deviceName} · {dateTime(session.enrolledAt)}
        </p>
      </section>
    </section>
  );
}
