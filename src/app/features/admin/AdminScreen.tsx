// The office's admin area: the roster, enrollment codes (text and QR), the devices (each
// revocable in one tap when a phone is lost) and the audit log. Online-only by nature.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { useApp } from '../../AppContext';
import { useI18n } from '../../i18n';
import { useEndpointConfig } from '../../ui/useEndpointConfig';
import { useLiveQuery } from '../../ui/useLiveQuery';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { EnrollmentCodeCard } from '../../ui/EnrollmentCodeCard';
import { createEnrollmentCode, listDevices, listMembers, revokeDevice } from '../../sync/adminApi';
import type { Member } from '../../../shared/domain/schemas';
import type { DeviceListing } from '../../../shared/protocol/devices';
import { MembersSection } from './MembersSection';
import { AuditSection } from './AuditSection';

export function AdminScreen() {
  const { db, scheduler } = useApp();
  const { t, dateTime } = useI18n();
  const config = useEndpointConfig();
  const members = useLiveQuery(() => db.members.orderBy('id').toArray(), [db], []);
  const [devices, setDevices] = useState<DeviceListing[] | null>(null);
  const [memberId, setMemberId] = useState('');
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = useCallback(() => setError(t('admin.offline')), [t]);
  const [version, setVersion] = useState(0);
  // A roster change reaches this phone's member list through the next pull.
  const changed = () => {
    setVersion((v) => v + 1);
    void scheduler.syncNow();
  };

  useEffect(() => void listDevices(config).then(setDevices, fail), [config, fail]);
  // Codes go to this community's roster as the endpoint has it: the phone also holds the street's
  // own people (the street office, company staff), whom only the street office enrolls.
  const [roster, setRoster] = useState<Member[]>([]);
  useEffect(() => void listMembers(config).then(setRoster, fail), [config, fail, version]);
  const names = new Map(members.map((m) => [m.id, m.name]));

  async function newCode() {
    setError(null);
    try {
      setCode(await createEnrollmentCode(config, memberId));
      setVersion((v) => v + 1);
    } catch {
      fail();
    }
  }

  return (
    <section class="screen">
      <ScreenHeader title={t('admin.title')} />
      {error && <p class="error" role="alert">{error}</p>}
      <MembersSection onError={fail} onChange={changed} />
      <section class="card" aria-labelledby="codes-heading">
        <h2 id="codes-heading">{t('admin.codes')}</h2>
        <label class="field">
          <span>{t('admin.member')}</span>
          <select value={memberId} onChange={(e) => setMemberId(e.currentTarget.value)}>
            <option value="">{t('admin.pickMember')}</option>
            {roster.filter((m) => m.active).map((m) => (
              <option key={m.id} value={m.id}>{m.name}</option>
            ))}
          </select>
        </label>
        <button type="button" class="btn btn--primary" disabled={!memberId} onClick={() => void newCode()}>
          {t('admin.createCode')}
        </button>
        <div aria-live="polite">{code && <EnrollmentCodeCard code={code.code} expiresAt={code.expiresAt} />}</div>
      </section>
      <section aria-labelledby="devices-heading">
        <h2 id="devices-heading">{t('admin.devices')}</h2>
        <ul class="hazard-list">
          {(devices ?? []).map((d) => (
            <li key={d.id} class="hazard">
              <div class="hazard__head">
                <strong>{names.get(d.memberId) ?? d.memberId}</strong>
                {d.revokedAt ? (
                  <span class="chip chip--urgent">{t('admin.revoked')}</span>
                ) : (
                  <button type="button" class="btn btn--small" aria-label={t('admin.revokeDevice', { name: names.get(d.memberId) ?? d.memberId })}
                    onClick={() => void revokeDevice(config, d.id).then((next) => (setDevices(next), setVersion((v) => v + 1)), fail)}>
                    {t('admin.revoke')}
                  </button>
                )}
              </div>
              <p class="muted">{d.name}{d.appVersion ? ` · v${d.appVersion}` : ''} · {t('admin.lastSeen', { time: dateTime(d.lastSeenAt) })}</p>
            </li>
          ))}
        </ul>
      </section>
      <AuditSection names={names} version={version} onError={fail} />
    </section>
  );
}
