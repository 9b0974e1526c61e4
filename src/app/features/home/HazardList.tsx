// The hazards on this phone, newest first, each with its status and sync state; each opens its
// detail. A hazard's outbox rows (its creation and lifecycle events) say what is waiting or refused.
import { useApp, localName } from '../../AppContext';
import { useI18n } from '../../i18n';
import { useLiveQuery } from '../../ui/useLiveQuery';
import { STANDARD_CATEGORIES } from '../../../shared/domain/categories';
import type { LocalHazard, OutboxRow } from '../../db/db';
import { asRejectionCode } from '../../../shared/protocol/codes';

const LIST_LIMIT = 100;

interface ListData {
  hazards: LocalHazard[];
  /** Per hazard: its refused outbox row if any, and how many rows wait. */
  outbox: Map<string, { refused: OutboxRow | undefined; waiting: number }>;
  categoryNames: Map<string, { zh: string; en: string }>;
  compoundNames: Map<string, { zh: string; en: string }>;
}

export function HazardList({ title }: { title: string }) {
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
    const byHazard = new Map<string, { refused: OutboxRow | undefined; waiting: number }>();
    for (const row of outbox) {
      const entry = byHazard.get(row.entityId) ?? { refused: undefined, waiting: 0 };
      if (row.state === 'rejected') entry.refused ??= row;
      else entry.waiting++;
      byHazard.set(row.entityId, entry);
    }
    return {
      hazards,
      outbox: byHazard,
      categoryNames: new Map([...STANDARD_CATEGORIES, ...categories].map((c) => [c.id, c.name])),
      compoundNames: new Map(compounds.map((c) => [c.id, c.name])),
    };
  }, [db]);

  if (!data) return null;
  return (
    <section aria-labelledby="hazards-heading">
      <h2 id="hazards-heading">{title}</h2>
      {data.hazards.length === 0 && <p class="muted">{t('home.noHazards')}</p>}
      <ul class="hazard-list">
        {data.hazards.map((hazard) => {
          const local = data.outbox.get(hazard.id);
          const category = data.categoryNames.get(hazard.categoryId);
          const categoryName = category ? localName(category, locale) : hazard.categoryId;
          const compound = hazard.compoundId ? data.compoundNames.get(hazard.compoundId) : undefined;
          return (
            <li key={hazard.id} class={`hazard hazard--${hazard.severity}`}>
              <a class="hazard__open" href={`#/hazard/${encodeURIComponent(hazard.id)}`}>
                <span class="hazard__head">
                  <strong>{categoryName}</strong>
                  <span class={`chip chip--${hazard.severity}`}>{t(`severity.${hazard.severity}`)}</span>
                </span>
                <span class="hazard__description">{hazard.description}</span>
              </a>
              <p class="muted">
                <strong class={`status status--${hazard.status}`}>{t(`hazard.status.${hazard.status}`)}</strong>
                {' · '}
                {dateTime(hazard.createdAt)}
                {compound && ` · ${localName(compound, locale)}`}
                {!hazard.position && ` · ${t('hazard.noPosition')}`}
              </p>
              {local?.refused && (
                <p class="error">{t('hazard.rejected', { reason: t(`rejection.${asRejectionCode(local.refused.rejection?.code)}`) })}</p>
              )}
              {local && local.waiting > 0 && (
                <p class="sync__state--waiting">{local.waiting > 1 ? t('hazard.pendingCount', { n: local.waiting }) : t('hazard.unsynced')}</p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
