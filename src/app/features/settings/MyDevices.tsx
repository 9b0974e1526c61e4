// A member's own phones, with sign-out for one that is lost or replaced. Needs a connection.
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { useEndpointConfig } from '../../ui/useEndpointConfig';
import { listOwnDevices, signOutDevice } from '../../sync/ownDevices';
import type { OwnDevice } from '../../../shared/protocol/devices';

export function MyDevices() {
  const { t, dateTime } = useI18n();
  const config = useEndpointConfig();
  const [devices, setDevices] = useState<OwnDevice[] | null>(null);
  const [offline, setOffline] = useState(false);
  useEffect(() => void listOwnDevices(config).then(setDevices, () => setOffline(true)), [config]);
  return (
    <section class="card" aria-labelledby="devices-heading">
      <h2 id="devices-heading">{t('settings.devices')}</h2>
      {offline && <p class="muted">{t('admin.offline')}</p>}
      <ul class="hazard-list">
        {(devices ?? []).filter((d) => !d.revokedAt).map((d) => (
          <li key={d.id} class="hazard">
            <div class="hazard__head">
              <span>{d.name}{d.current && ` (${t('settings.thisDevice')})`}</span>
              {!d.current && (
                <button type="button" class="btn btn--small" aria-label={t('settings.signOutName', { name: d.name })}
                  onClick={() => void signOutDevice(config, d.id).then(setDevices, () => setOffline(true))}>
                  {t('settings.signOut')}
                </button>
              )}
            </div>
            <p class="muted">{t('admin.lastSeen', { time: dateTime(d.lastSeenAt) })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
