// <PhotoThumb id /> shows one photo of a hazard or event: the small copy in lists, the full one
// (fetched lazily and cached) on a detail. Offline and not yet fetched, it says so in words.
import { useI18n } from '../../i18n';
import { usePhotoUrl } from './usePhotoUrl';
import '../../../shared/i18n/features/photos';

interface Props {
  id: string;
  alt: string;
  hazardId?: string;
  eventId?: string | null;
  /** false for list thumbnails: the ≤ 20 KB copy is enough and nothing is downloaded. */
  full?: boolean;
  size?: number;
}

export function PhotoThumb({ id, alt, hazardId, eventId, full = true, size = 160 }: Props) {
  const { t } = useI18n();
  const photo = usePhotoUrl(id, { hazardId, eventId, full });
  if (!photo.url) {
    return (
      <span class="photo-missing muted" style={{ width: `${size}px`, minHeight: `${Math.round(size * 0.75)}px` }}>
        {photo.state === 'offline' ? t('photos.offline') : t('photos.loading')}
      </span>
    );
  }
  return <img class="photo" src={photo.url} alt={alt} width={size} style={{ height: 'auto', maxWidth: '100%' }} data-photo-state={photo.state} />;
}
