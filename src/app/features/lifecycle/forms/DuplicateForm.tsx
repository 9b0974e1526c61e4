// Mark as duplicate: choose the original among the other open hazards on this phone, nearest
// first when both have a position, else newest first.
import { useState } from 'preact/hooks';
import { useApp, localName } from '../../../AppContext';
import { useI18n } from '../../../i18n';
import { useLiveQuery } from '../../../ui/useLiveQuery';
import type { LocalHazard } from '../../../db/db';
import { haversineMetres } from '../../../../shared/tracks/haversine';
import { EventForm, eventDraft } from './EventForm';
import type { FormProps } from './types';
import '../../../../shared/i18n/features/lifecycle';

const MAX_CHOICES = 50;
const MAYBE_ORIGINAL: ReadonlySet<LocalHazard['status']> = new Set(['open', 'assigned', 'resolved', 'rejected']);

function distanceTo(hazard: LocalHazard, other: LocalHazard): number {
  return hazard.position && other.position ? haversineMetres(hazard.position, other.position) : Infinity;
}

export function DuplicateForm({ hazard, detail, onDone }: FormProps) {
  const { db } = useApp();
  const { t, locale, ago } = useI18n();
  const choices = useLiveQuery(
    async () => {
      const all = await db.hazards.orderBy('createdAt').reverse().toArray();
      return all
        .filter((h) => h.id !== hazard.id && MAYBE_ORIGINAL.has(h.status))
        .map((h) => ({ hazard: h, distance: distanceTo(hazard, h) }))
        .sort((a, b) => a.distance - b.distance)
        .slice(0, MAX_CHOICES);
    },
    [db, hazard],
    [],
  );
  const [originalId, setOriginalId] = useState('');
  return (
    <EventForm
      title={t('lifecycle.duplicate')}
      actor={detail.actor}
      onDone={onDone}
      build={() => (originalId ? { draft: eventDraft(hazard.id, 'duplicate', { duplicateOf: originalId }) } : { missing: 'lifecycle.pickOriginal' })}
    >
      {choices.length === 0 ? (
        <p class="muted">{t('lifecycle.noOriginals')}</p>
      ) : (
        <label class="field">
          <span>{t('lifecycle.original')}</span>
          <select value={originalId} onChange={(e) => setOriginalId(e.currentTarget.value)}>
            <option value="">{t('lifecycle.pickOriginal')}</option>
            {choices.map(({ hazard: h, distance }) => {
              const category = detail.categories.get(h.categoryId);
              const label = t('lifecycle.originalOption', {
                category: category ? localName(category, locale) : h.categoryId,
                description: h.description.slice(0, 40),
                ago: ago(h.createdAt),
              });
              return (
                <option key={h.id} value={h.id}>
                  {Number.isFinite(distance) ? `${label} · ${t('lifecycle.distance', { m: Math.round(distance) })}` : label}
                </option>
              );
            })}
          </select>
        </label>
      )}
    </EventForm>
  );
}
