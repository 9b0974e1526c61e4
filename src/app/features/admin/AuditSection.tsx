// The audit log: who did what, when, newest first.
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { listAudit } from '../../sync/adminApi';
import type { AuditEntry } from '../../../shared/protocol/admin';
import { useEndpointConfig } from '../../ui/useEndpointConfig';

export function AuditSection({ names, version, onError }: { names: Map<string, string>; version: number; onError: () => void }) {
  const { t, dateTime } = useI18n();
  const config = useEndpointConfig();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  useEffect(() => void listAudit(config).then(setEntries, onError), [config, onError, version]);
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('admin.audit')}</h2>
      <ul class="hazard-list">
        {entries.map((e) => (
          <li key={e.seq} class="hazard">
            <strong>{e.action}</strong> <span>{names.get(e.target) ?? e.target}</span>
            <p class="muted">{names.get(e.actorMemberId) ?? e.actorMemberId} · {dateTime(e.at)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
