// The hazards on this phone, newest first, each with its sync state.
import { useApp, localName } from '../../AppContext';
import { useI18n } from '../../i18n';
import { useLiveQuery } from '../../ui/useLiveQuery';
import { STANDARD_CATEGORIES } from '../../../shared/domain/categories';
import type { LocalHazard, OutboxRow } from '../../db/db';
import type { MessageKey } from '../../../shared/i18n';

const LIST_LIMIT = 100;

/** The endpoint's rejection codes, in the member's words; its English message is for logs. */
function rejectionKey(code: string | undefined): MessageKey {
  return code === 'forbidden' || code === 'invalid' || code === 'conflict' ? `rejection.${code}` : 'rejection.other';
}

interface ListData {
  hazards: LocalHazard[];
  outbox: Map<string, OutboxRow>;
  categoryNames: Map<string, { zh: string; en: string }>;
  compoundNames: Map<string, { zh: string; en: string }>;
}

export function HazardList() {
  const { db } = useApp();
  const { t, locale, dateTime } = useI18n();
  const data = useLiveQuery<ListData>(async () => {
    const [hazards, categories, compounds] = await Promise.all([
      db.hazards.orderBy('createdAt').reverse().limit(LIST_LIMIT).toArray(),
      db.categories.toArray(),
      db.compounds.toArray(),
    ]);
    // Only the outbox rows of the hazards shown: the outbox can hold thousands while offline.
    const outbox = await db.outbox.where('entityId').anyOf(hazards.map((h) => h.id)).toArray();
    return {
      hazards,
      outbox: new Map(outbox.map((row) => [row.entityId, row])),
      categoryNames: new Map([...STANDARD_CATEGORIES, ...categories].map((c) => [c.id, c.name])),
      compoundNames: new Map(compounds.map((c) => [c.id, c.name])),
    };
  }, [db]);

  if (!data) return null;
  return (
    <section aria-labelledby="hazards-heading">
      <h2 id="hazards-heading">{t('home.hazards')}</h2>
      {data.hazards.length === 0 && <p class="muted">{t('home.noHazards')}</p>}
      <ul class="hazard-list">
        {data.hazards.map((hazard) => {
          const pending = data.outbox.get(hazard.id);
          const category = data.categoryNames.get(hazard.categoryId);
          const compound = hazard.compoundId ? data.compoundNames.get(hazard.compoundId) : undefined;
          return (
            <li key={hazard.id} class={`hazard hazard--${hazard.severity}`}>
              <div class="hazard__head">
                <strong>{category ? localName(category, locale) : hazard.categoryId}</strong>
                <span class={`chip chip--${hazard.severity}`}>{t(`severity.${hazard.severity}`)}</span>
              </div>
              <p class="hazard__description">{hazard.description}</p>
              <p class="muted">
                {dateTime(hazard.createdAt)}
                {compound && ` · ${localName(compound, locale)}`}
                {!hazard.position && ` · ${t('hazard.noPosition')}`}
                {' · '}
                {pending?.state === 'rejected'
                  ? t('hazard.rejected', { reason: t(rejectionKey(pending.rejection?.code)) })
                  : pending
                    ? t('hazard.unsynced')
                    : t(`hazard.status.${hazard.status}`)}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
