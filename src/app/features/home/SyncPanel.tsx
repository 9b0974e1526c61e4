// The sync state in words: "All synced" or "N waiting", the last sync, the last error and what
// happens next, the refused records (each with why and what to do), plus Sync now. This is the
// only role=status on the home screen.
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../AppContext';
import { useI18n } from '../../i18n';
import { useLiveQuery } from '../../ui/useLiveQuery';
import { useLazy } from '../../ui/useLazy';
import { getMeta } from '../../db/meta';
import { countPhotosWaiting } from '../../db/photos';
import { navigate } from '../../ui/useRoute';
import { inState } from '../../db/outboxQueries';
import type { SyncStatus } from '../../sync/syncStatus';
import { uploadProgress, type UploadProgress } from '../../sync/uploadProgress';
import { formatBytes } from '../../ui/formatBytes';
import { syncErrorKey } from './syncErrorKey';

export function SyncPanel() {
  const { db, scheduler } = useApp();
  const { t, time, dateTime } = useI18n();
  const [status, setStatus] = useState<SyncStatus>(scheduler.status.get());
  useEffect(() => scheduler.status.subscribe(setStatus), [scheduler]);
  const [upload, setUpload] = useState<UploadProgress | null>(uploadProgress.get());
  useEffect(() => uploadProgress.subscribe(setUpload), []);
  const photosWaiting = useLiveQuery(() => countPhotosWaiting(db), [db], 0);
  const waiting = useLiveQuery(() => inState(db, 'pending').count(), [db]);
  const refused = useLiveQuery(() => inState(db, 'rejected').count(), [db], 0);
  // Its own chunk: most phones never have a refused record.
  const Refused = useLazy(() => import('./RefusedRecords').then((m) => m.RefusedRecords), refused > 0);
  // A live query already follows the meta row; no need to resubscribe on every status change.
  const lastSyncAt = useLiveQuery(() => getMeta(db, 'lastSyncAt'), [db]);

  const error = status.lastError;
  return (
    <section class="card sync" aria-labelledby="sync-heading">
      <div role="status" id="sync-heading" class={waiting ? 'sync__state sync__state--waiting' : 'sync__state'}>
        {waiting === undefined ? '…' : waiting === 0 ? t('sync.allSynced') : t('sync.waiting', { n: waiting })}
      </div>
      <p class="muted">
        {status.running ? t('sync.syncing') : lastSyncAt ? t('sync.lastSync', { time: dateTime(lastSyncAt) }) : t('sync.neverSynced')}
      </p>
      {upload ? (
        <p class="muted">{t('photos.uploading', { done: upload.done, total: upload.total, size: formatBytes(upload.bytesDone) })}</p>
      ) : (
        photosWaiting > 0 && <p class="muted">{t('photos.waiting', { n: photosWaiting })}</p>
      )}
      {error && !status.running && (
        <p class="error" role="alert">
          {error.code === 'network' && status.failingSince && `${t('sync.unreachableSince', { time: time(status.failingSince) })} `}
          {t(syncErrorKey(error), { code: error.detail })}{' '}
          {status.nextRetryAt && t('sync.nextRetry', { time: time(status.nextRetryAt) })}
        </p>
      )}
      {refused > 0 && <p class="error">{t('sync.rejected', { n: refused })}</p>}
      {error?.code === 'unauthorized' && !status.running && (
        <button type="button" class="btn btn--primary" onClick={() => navigate('enroll-again')}>
          {t('enroll.again')}
        </button>
      )}
      <button type="button" class="btn" onClick={() => void scheduler.syncNow()} disabled={status.running}>
        {t('home.syncNow')}
      </button>
      {Refused && <Refused />}
    </section>
  );
}
