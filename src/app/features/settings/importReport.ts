// The rows an import left out, in the member's words: which table, which row (its place in the
// file and its id), and the field that is wrong. A long list is cut; the count is always whole.
import type { I18n } from '../../i18n';
import type { SkippedRow } from './backupRows';
import '../../../shared/i18n/features/backup';

const SHOWN = 10;

export interface SkippedReport {
  summary: string;
  rows: string[];
  next: string;
}

export function skippedReport(skipped: readonly SkippedRow[], i18n: I18n): SkippedReport | null {
  if (skipped.length === 0) return null;
  const rows = skipped.slice(0, SHOWN).map((s) =>
    i18n.t('backup.skippedRow', {
      table: i18n.t(`backup.table.${s.table}`),
      row: s.row,
      // The tail: ids are UUIDv7, whose head is the time and alike for rows made together.
      id: s.id ? i18n.t('backup.skippedId', { id: s.id.length > 12 ? `…${s.id.slice(-8)}` : s.id }) : '',
      problem: s.problem,
    }),
  );
  if (skipped.length > SHOWN) rows.push(i18n.t('backup.skippedMore', { n: skipped.length - SHOWN }));
  return { summary: i18n.t('backup.skipped', { n: skipped.length }), rows, next: i18n.t('backup.skippedNext') };
}
