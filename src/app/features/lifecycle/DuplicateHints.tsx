// While a member fills in a new hazard: open hazards of the same category within 40 m, from this
// phone's own data (works offline). Opening one lets them add "also seen" instead of a new record;
// the half-filled form stays saved as a draft.
import { useApp, localName } from '../../AppContext';
import { useI18n } from '../../i18n';
import { useLiveQuery } from '../../ui/useLiveQuery';
import { navigate } from '../../ui/useRoute';
import { possibleDuplicates } from '../../../shared/geo/possibleDuplicates';
import type { LatLng } from '../../../shared/tracks/haversine';
import { STANDARD_CATEGORIES } from '../../../shared/domain/categories';
import { LocalPhoto } from './LocalPhoto';

const MAX_HINTS = 3;

export function DuplicateHints({ categoryId, position, draftId }: { categoryId: string; position: LatLng | null; draftId?: string }) {
  const { db } = useApp();
  const { t, locale, ago } = useI18n();
  const lat = position?.lat;
  const lng = position?.lng;
  const hints = useLiveQuery(
    async () => {
      if (!categoryId || lat === undefined || lng === undefined) return [];
      const sameCategory = await db.hazards.filter((h) => h.categoryId === categoryId).toArray();
      const found = possibleDuplicates(sameCategory, { categoryId, position: { lat, lng }, excludeId: draftId }).slice(0, MAX_HINTS);
      const photos = await db.photos.bulkGet(found.map((f) => f.hazard.photoIds[0] ?? ''));
      const categories = [...STANDARD_CATEGORIES, ...(await db.categories.toArray())];
      const category = categories.find((c) => c.id === categoryId)?.name;
      return found.map((f, i) => ({ ...f, photo: photos[i], category }));
    },
    [db, categoryId, lat, lng, draftId],
    [],
  );
  if (hints.length === 0) return null;
  return (
    <section class="card hints" aria-labelledby="hints-heading">
      <h2 id="hints-heading">{t('hints.title')}</h2>
      <p class="muted">{t('hints.explain')}</p>
      <ul class="hints__list">
        {hints.map(({ hazard, distanceM, photo, category }) => (
          <li key={hazard.id} class="hints__item">
            {photo && <LocalPhoto photo={photo} alt="" size={64} />}
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
