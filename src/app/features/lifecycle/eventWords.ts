// How a lifecycle event and its author read in the history, in the viewer's language.
import type { LocalHazardEvent, OutboxRow } from '../../db/db';
import type { I18n } from '../../i18n';
import type { Member } from '../../../shared/domain/schemas';
import { asRejectionCode } from '../../../shared/protocol/codes';
import { localName } from '../../AppContext';
import type { HazardDetail } from './useHazardDetail';
import { draftOf } from '../../db/hazardRebase';
import '../../../shared/i18n/features/lifecycle';

export function eventTitle(event: LocalHazardEvent, detail: HazardDetail, i18n: I18n): string {
  const draft = draftOf(event);
  if (draft.type === 'assign') {
    const company = detail.companies.get(draft.data.propertyCompanyId);
    return i18n.t('history.assign', { company: company ? localName(company, i18n.locale) : draft.data.propertyCompanyId });
  }
  return i18n.t(`history.${event.type}`);
}

export function authorLine(authorId: string, role: Member['role'], members: Map<string, Member>, i18n: I18n): string {
  const member = members.get(authorId);
  const roleWords = member?.propertyCompanyId ? i18n.t('role.staff') : i18n.t(`home.role.${role}`);
  return i18n.t('history.by', { name: member?.name ?? i18n.t('common.unknown'), role: roleWords });
}

/** The endpoint's rejection codes, in the member's words; its English message is for logs. */
export function rejectionWords(row: Pick<OutboxRow, 'rejection'> | undefined, i18n: I18n): string {
  return i18n.t(`rejection.${asRejectionCode(row?.rejection?.code)}`);
}
