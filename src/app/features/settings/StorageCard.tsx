// Storage safety in Settings: how much this phone's browser lets us keep and how much is used,
// what is not yet synced, and a backup file of exactly that (Export / Import backup). The backup
// code is loaded only when a button is pressed.
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../AppContext';
import { useI18n } from '../../i18n';
import { useLiveQuery } from '../../ui/useLiveQuery';
import { inState } from '../../db/outboxQueries';
import { countPhotosWaiting } from '../../db/photos';
import { isQuotaExceeded } from '../../db/storageErrors';
import { formatBytes } from '../../ui/formatBytes';
import type { SkippedReport } from './importReport';
import '../../../shared/i18n/features/photos';

interface Estimate {
  usage: number;
  quota: number;
}

export function StorageCard() {
  const { db, scheduler } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [estimate, setEstimate] = useState<Estimate | null | undefined>(undefined);
  const [message, setMessage] = useState<{ text: string; error: boolean; skipped?: SkippedReport | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const records = useLiveQuery(() => inState(db, 'pending').count(), [db], 0);
  const photos = useLiveQuery(() => countPhotosWaiting(db), [db], 0);

  useEffect(() => {
    if (!navigator.storage?.estimate) return setEstimate(null);
    void navigator.storage.estimate().then(
      (e) => setEstimate(e.usage !== undefined && e.quota !== undefined ? { usage: e.usage, quota: e.quota } : null),
      () => setEstimate(null),
    );
  }, [records, photos]);

  async function exportFile() {
    setBusy(true);
    setMessage(null);
    try {
      const { exportBackup } = await import('./backup');
      const backup = await exportBackup(db);
      const name = `patrol-backup-${backup.exportedAt.slice(0, 16).replace(/[-:T]/g, '')}.json`;
      const url = URL.createObjectURL(new Blob([JSON.stringify(backup)], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setMessage({ text: t('storage.exported', { name }), error: false });
    } catch (e) {
      setMessage({ text: t('storage.exportFailed', { detail: e instanceof Error ? e.message : String(e) }), error: true });
    } finally {
      setBusy(false);
    }
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setMessage(null);
    try {
      const [{ importBackup, parseBackup }, { skippedReport }] = await Promise.all([import('./backup'), import('./importReport')]);
      const { backup, skipped } = parseBackup(await file.text());
      const counts = await importBackup(db, backup);
      const text = t('storage.imported', { records: counts.records, photos: counts.photos });
      setMessage({ text, error: false, skipped: skippedReport(skipped, i18n) });
      void scheduler.syncNow();
    } catch (e) {
      const detail = isQuotaExceeded(e) ? t('error.storageFull') : e instanceof Error ? e.message : String(e);
      setMessage({ text: t('storage.importFailed', { detail }), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="storage-heading">
      <h2 id="storage-heading">{t('storage.heading')}</h2>
      <p data-testid="storage-used">
        {estimate === undefined
          ? '…'
          : estimate
            ? t('storage.used', { used: formatBytes(estimate.usage), quota: formatBytes(estimate.quota) })
            : t('storage.unknown')}
      </p>
      <p data-testid="storage-unsynced">
        {records + photos === 0 ? t('storage.allSynced') : t('storage.unsynced', { records, photos })}
      </p>
      <p class="muted">{t('storage.backupHint')}</p>
      <div class="actions">
        <button type="button" class="btn" disabled={busy} onClick={() => void exportFile()}>
          {t('storage.export')}
        </button>
        <label class="btn">
          {t('storage.import')}
          <input
            type="file"
            class="visually-hidden"
            accept="application/json,.json"
            disabled={busy}
            onChange={(e) => {
              const input = e.currentTarget;
              void importFile(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
        </label>
      </div>
      {message && (
        <div role={message.error ? 'alert' : 'status'}>
          <p class={message.error ? 'error' : 'muted'}>{message.text}</p>
          {message.skipped && (
            <>
              <p>
                <strong>{message.skipped.summary}</strong>
              </p>
              <ul class="import-skipped">
                {message.skipped.rows.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              <p>{message.skipped.next}</p>
            </>
          )}
        </div>
      )}
    </section>
  );
}
