// A failed street office request in the person's words: what went wrong, that nothing changed,
// and what to do next.
import { SyncError } from '../../sync/SyncError';
import type { MessageKey } from '../../../shared/i18n';
import '../../../shared/i18n/features/street';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

export function streetErrorText(error: unknown, t: T): string {
  if (!(error instanceof SyncError)) return t('street.error.server', { status: '?' });
  switch (error.code) {
    case 'network':
      return t('street.error.offline');
    case 'protocol':
      return t('street.error.protocol');
    case 'unauthorized':
      return t('street.error.unauthorized');
    default:
      if (error.serverCode === 'forbidden') return t('street.error.forbidden');
      if (error.serverCode === 'invalid_body') return t('street.error.invalid');
      return t('street.error.server', { status: error.status ?? '?' });
  }
}
