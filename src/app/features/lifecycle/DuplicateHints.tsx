// While a member fills in a new hazard: open hazards of the same category within 40 m, from this
// phone's own data (works offline). Opening one lets them add "also seen" instead of a new record;
// the half-filled form stays saved as a draft.
import { useMemo } from 'preact/hooks';
import { useApp, localName } from '../../AppContext';
import { useI18n } from '../../i18n';
import { useLiveQuery } from '../../ui/useLiveQuery';
import { navigate } from '../../ui/useRoute';
import { possibleDuplicates } from '../../../shared/geo/possibleDuplicates';
import type { LatLng } from '../../../shared/tracks/haversine';
import { STANDARD_CATEGORIES } from '../../../shared/domain/categories';
import { PhotoStrip } from '../../photos/ui/PhotoStrip';
import '../../../shared/i18n/features/lifecycle';

const MAX_HINTS = 3;

export function DuplicateHints({ categoryId, position, draftId }: { categoryId: string; position: LatLng | null; draftId?: string }) {
  const { db } = useApp();
  const { t, locale, ago } = useI18n();
  // One scan of the table per category (and per change to it), not per GPS fix: the fix moves
  // every few seconds, the candidates do not.
  const candidates = useLiveQuery(
    async () => {
      if (!categoryId) return { hazards: [], category: undefined };
      const open = await db.hazards
        .filter((h) => h.categoryId === categoryId && h.position !== null && (h.status === 'open' || h.status === 'assigned'))
        .toArray();
      const categories = [...STANDARD_CATEGORIES, ...(await db.categories.toArray())];
      return { hazards: open, category: categories.find((c) => c.id === categoryId)?.name };
    },
    [db, categoryId],
    { hazards: [], category: undefined },
  );
  const lat = position?.lat;
  const lng = position?.lng;
  const found = useMemo(
    () =>
      lat === undefined || lng === undefined
        ? []
        : possibleDuplicates(candidates.hazards, { categoryId, position: { lat, lng }, excludeId: draftId }).slice(0, MAX_HINTS),
    [candidates, categoryId, lat, lng, draftId],
  );
  if (found.length === 0) return null;
  const { category } = candidates;
  return (
    <section class="card hints" aria-labelledby="hints-heading">
      <h2 id="hints-heading">{t('hints.title')}</h2>
      <p class="muted">{t('hints.explain')}</p>
      <ul class="hints__list">
        {found.map(({ hazard, distanceM }) => (
          <li key={hazard.id} class="hints__item">
            <PhotoStrip ids={hazard.photoIds.slice(0, 1)} hazardId={hazard.id} eventId={null} size={72} />
            <div>
              <p>
                {t('hints.item', { category: category ? localName(category, locale) : categoryId, distance: Math.round(distanceM), ago: ago(hazard.createdAt) })}
              </p>
              <button type="button" class="btn btn--small" onClick={() => navigate('hazard', { param: hazard.id })}>
                {t('hints.open', { description: hazard.description.slice(0, 60) })}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
