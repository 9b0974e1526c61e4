// A photo from the phone's own photo table; a placeholder while its bytes are not here.
import { useEffect, useMemo } from 'preact/hooks';
import type { PhotoRow } from '../../db/db';
import { useI18n } from '../../i18n';
import '../../../shared/i18n/features/photos';
import '../../../shared/i18n/features/lifecycle';

export function LocalPhoto({ photo, alt, size = 96 }: { photo: PhotoRow | undefined; alt: string; size?: number }) {
  const { t } = useI18n();
  const blob = photo?.blob ?? photo?.thumb ?? null;
  const url = useMemo(() => (blob ? URL.createObjectURL(blob) : null), [blob]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  if (!url) return <span class="photo-missing">{t('hazard.photoMissing')}</span>;
  return <img class="photo" src={url} alt={alt} width={size} height={size} />;
}

export function PhotoStrip({ ids, photos }: { ids: readonly string[]; photos: Map<string, PhotoRow> }) {
  const { t } = useI18n();
  if (ids.length === 0) return null;
  return (
    <ul class="photo-strip">
      {ids.map((id, i) => (
        <li key={id}>
          <LocalPhoto photo={photos.get(id)} alt={t('photos.thumbAlt', { n: i + 1 })} />
        </li>
      ))}
    </ul>
  );
}
