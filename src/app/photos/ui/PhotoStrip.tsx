// <PhotoStrip ids /> is the one view of stored photos, used by every screen that shows one: the
// hazard detail, history events, duplicate hints and the map popup. Each tile shows the photo as
// usePhoto gets it (local bytes, or fetched once and kept), or says in words why not yet. A tap
// opens the full-screen viewer, loaded on first use so the capture path does not carry it.
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { useLazy } from '../../ui/useLazy';
import type { PhotoOwner } from '../photoSource';
import { missingWordsKey, usePhoto } from './usePhoto';
import type { PhotoViewerProps } from './PhotoViewer';
import '../../../shared/i18n/features/photos';

interface StripProps extends PhotoOwner {
  ids: readonly string[];
  /** Tile edge in CSS px; never under 72 so a photo can be seen and tapped. */
  size?: number;
}

const loadViewer = () => import('./PhotoViewer').then((m) => m.PhotoViewer);

function PhotoTile({ id, n, total, size, owner, onOpen }: { id: string; n: number; total: number; size: number; owner: PhotoOwner; onOpen: () => void }) {
  const { t } = useI18n();
  const photo = usePhoto(id, owner);
  const box = { width: `${size}px`, height: `${size}px` };
  if (!photo.url) {
    return (
      <span class="photo-missing" style={{ width: `${Math.max(size, 144)}px`, minHeight: `${size}px` }} data-photo-state={photo.state}>
        {t(missingWordsKey(photo.state))}
      </span>
    );
  }
  return (
    <button type="button" class="photo-tile" style={box} aria-label={t('photos.open', { n, total })} onClick={onOpen}>
      <img class="photo" src={photo.url} alt={t('photos.thumbAlt', { n })} width={size} height={size} data-photo-state={photo.state} />
    </button>
  );
}

export function PhotoStrip({ ids, hazardId, eventId, size = 96 }: StripProps) {
  const [openAt, setOpenAt] = useState<number | null>(null);
  const Viewer = useLazy<PhotoViewerProps>(loadViewer, openAt !== null);
  if (ids.length === 0) return null;
  const edge = Math.max(72, size);
  const owner = { hazardId, eventId };
  return (
    <>
      <ul class="photo-strip">
        {ids.map((id, i) => (
          <li key={id}>
            <PhotoTile
              id={id}
              n={i + 1}
              total={ids.length}
              size={edge}
              owner={owner}
              onOpen={() => setOpenAt(i)}
            />
          </li>
        ))}
      </ul>
      {openAt !== null && Viewer && <Viewer ids={ids} start={openAt} owner={owner} onClose={() => setOpenAt(null)} />}
    </>
  );
}
