// Which words tell the member about the last sync failure: what went wrong, that nothing is lost
// and what happens next.
import type { SyncStatus } from '../../sync/syncStatus';
import type { SyncErrorCode } from '../../sync/SyncError';
import type { MessageKey } from '../../../shared/i18n';

const KEYS: Record<SyncErrorCode, MessageKey> = {
  network: 'sync.error.network',
  protocol: 'sync.error.protocol',
  unauthorized: 'sync.error.unauthorized',
  quota: 'sync.error.quota',
  server: 'sync.error.server',
};

export function syncErrorKey(error: Pick<NonNullable<SyncStatus['lastError']>, 'code' | 'serverCode'>): MessageKey {
  // A newer endpoint's code: the app cannot name the problem, only say that it retries.
  if (error.code === 'server' && error.serverCode === 'unknown') return 'sync.error.unknown';
  return KEYS[error.code];
}
