// usePhotoUrl(id): an object URL for a photo, for <img src>. Shows what the phone holds at once
// (the full photo, or the small copy of an evicted one) and fetches the full photo lazily from
// the endpoint when `full` is asked and the phone lacks it. The URL is revoked on unmount.
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../AppContext';
import { fetchPhoto, type PhotoOwner } from './fetchPhoto';

export type PhotoUrlState = 'loading' | 'ready' | 'thumb' | 'offline';

export interface PhotoUrl {
  url: string | null;
  state: PhotoUrlState;
}

export function usePhotoUrl(id: string, options: PhotoOwner & { full?: boolean } = {}): PhotoUrl {
  const { db } = useApp();
  const [result, setResult] = useState<PhotoUrl>({ url: null, state: 'loading' });
  const full = options.full ?? true;
  useEffect(() => {
    let url: string | null = null;
    let live = true;
    const show = (blob: Blob, state: PhotoUrlState) => {
      if (!live) return;
      if (url) URL.revokeObjectURL(url);
      url = URL.createObjectURL(blob);
      setResult({ url, state });
    };
    void (async () => {
      const row = await db.photos.get(id);
      if (row?.thumb && (!full || !row.blob)) show(row.thumb, 'thumb');
      if (!full && row?.thumb) return;
      const blob = row?.blob ?? (await fetchPhoto(db, id, options));
      if (blob) show(blob, 'ready');
      else if (live && !row?.thumb) setResult({ url: null, state: 'offline' });
    })();
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, id, full]);
  return result;
}
