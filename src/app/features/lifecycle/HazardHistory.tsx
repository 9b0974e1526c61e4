// The hazard's history: its creation and every event, each with author, role and time in the
// viewer's locale. This phone's own events show as waiting until confirmed; refused ones stay,
// with the reason, until their author dismisses them.
import { useApp, localName } from '../../AppContext';
import { useI18n } from '../../i18n';
import { navigate } from '../../ui/useRoute';
import { draftOf } from '../../db/hazardRebase';
import { dismissRefusedEvent } from '../../db/saveHazardEvent';
import type { LocalHazard, LocalHazardEvent } from '../../db/db';
import { PhotoStrip } from '../../photos/ui/PhotoStrip';
import { authorLine, eventTitle, rejectionWords } from './eventWords';
import type { HazardDetail } from './useHazardDetail';
import '../../../shared/i18n/features/lifecycle';

function EventBody({ event, detail }: { event: LocalHazardEvent; detail: HazardDetail }) {
  const { t, locale } = useI18n();
  const draft = draftOf(event);
  switch (draft.type) {
    case 'edit': {
      const { description, categoryId, severity } = draft.data;
      const category = categoryId ? detail.categories.get(categoryId) : undefined;
      return (
        <p class="history__body">
          {[
            categoryId && `${t('form.category')}: ${category ? localName(category, locale) : categoryId}`,
            severity && `${t('form.severity')}: ${t(`severity.${severity}`)}`,
            description !== undefined && `${t('form.description')}: ${description}`,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      );
    }
    case 'resolve':
      return (
        <>
          <p class="history__body">{draft.data.note}</p>
          <PhotoStrip ids={draft.data.photoIds} hazardId={event.hazardId} eventId={event.id} />
        </>
      );
    case 'note':
      return (
        <>
          {draft.data.text && <p class="history__body">{draft.data.text}</p>}
          <PhotoStrip ids={draft.data.photoIds} hazardId={event.hazardId} eventId={event.id} />
        </>
      );
    case 'reopen':
    case 'reject':
      return draft.data.reason ? <p class="history__body">{draft.data.reason}</p> : null;
    case 'duplicate':
      return (
        <button type="button" class="btn btn--small" onClick={() => navigate('hazard', { param: draft.data.duplicateOf })}>
          {t('history.openDuplicate')}
        </button>
      );
    case 'place': {
      // The compound the event names: the endpoint's own once confirmed, this phone's guess before.
      const compound = draft.data.compoundId ? detail.compounds.get(draft.data.compoundId) : undefined;
      const where = compound ? localName(compound.name, locale) : t('place.noCompound');
      return <p class="history__body">{t('history.placedAt', { compound: where, m: Math.round(draft.data.position.accuracy) })}</p>;
    }
    case 'assign':
      return null;
  }
}

function EventItem({ event, detail }: { event: LocalHazardEvent; detail: HazardDetail }) {
  const { db } = useApp();
  const i18n = useI18n();
  const row = detail.outbox.get(event.id);
  const refused = row?.state === 'rejected';
  return (
    <li class={`history__item${refused ? ' history__item--refused' : ''}`}>
      <strong>{eventTitle(event, detail, i18n)}</strong>
      <p class="muted">
        {authorLine(event.authorId, event.role, detail.members, i18n)} · <time dateTime={event.at}>{i18n.dateTime(event.at)}</time>
      </p>
      <EventBody event={event} detail={detail} />
      {refused ? (
        <div class="history__refused" role="alert">
          <p class="error">{i18n.t('history.refused', { reason: rejectionWords(row, i18n) })}</p>
          <button type="button" class="btn btn--small" onClick={() => void dismissRefusedEvent(db, row.id)}>
            {i18n.t('history.dismiss')}
          </button>
        </div>
      ) : (
        event.receivedAt === null && <p class="history__pending">{i18n.t('history.pending')}</p>
      )}
    </li>
  );
}

export function HazardHistory({ hazard, detail }: { hazard: LocalHazard; detail: HazardDetail }) {
  const i18n = useI18n();
  return (
    <section aria-labelledby="history-heading" class="history">
      <h2 id="history-heading">{i18n.t('history.title')}</h2>
      <ol class="history__list">
        <li class="history__item">
          <strong>{i18n.t('history.created')}</strong>
          <p class="muted">
            {authorLine(hazard.reporterId, detail.members.get(hazard.reporterId)?.role ?? 'member', detail.members, i18n)} ·{' '}
            <time dateTime={hazard.createdAt}>{i18n.dateTime(hazard.createdAt)}</time>
          </p>
        </li>
        {detail.events.map((event) => (
          <EventItem key={event.id} event={event} detail={detail} />
        ))}
      </ol>
    </section>
  );
}
