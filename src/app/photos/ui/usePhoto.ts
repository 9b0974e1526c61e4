// usePhoto(id): an object URL for one photo and what state it is in, for <img src>. Shows what the
// phone holds at once (the full photo, or the small copy of an evicted one) and gets the full one
// through photoSource when missing. Offline, or when the endpoint could not give it, it tries
// again by itself when the connection returns (`online`) and after every successful sync pass:
// nobody has to tap. The URL is revoked when the view goes.
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../AppContext';
import { fullPhoto, heldPhoto, type PhotoOwner } from '../photoSource';
import '../../../shared/i18n/features/photos';

export type PhotoState = 'loading' | 'full' | 'thumb' | 'offline' | 'unavailable';

export interface PhotoView {
  url: string | null;
  state: PhotoState;
}

export function usePhoto(id: string, owner: PhotoOwner = {}): PhotoView {
  const { db, scheduler } = useApp();
  const [view, setView] = useState<PhotoView>({ url: null, state: 'loading' });
  useEffect(() => {
    let live = true;
    let url: string | null = null;
    let shown: 'full' | 'thumb' | null = null;
    let trying = false;
    const show = (blob: Blob, state: 'full' | 'thumb') => {
      if (!live) return;
      if (url) URL.revokeObjectURL(url);
      url = URL.createObjectURL(blob);
      shown = state;
      setView({ url, state });
    };
    const attempt = async () => {
      if (trying || shown === 'full') return;
      trying = true;
      try {
        const held = await heldPhoto(db, id);
        if (held.kind !== 'none' && held.kind !== shown) show(held.blob, held.kind);
        if (held.kind === 'full' || !live) return;
        const got = await fullPhoto(db, id, owner);
        if (got.ok) show(got.blob, 'full');
        // A thumbnail already on screen stays; the words say why the full photo is not.
        else if (live && !shown) setView({ url: null, state: got.reason });
      } finally {
        trying = false;
      }
    };
    void attempt();
    const retry = () => void attempt();
    window.addEventListener('online', retry);
    const unsubscribe = scheduler.status.subscribe((s) => {
      if (!s.running && !s.lastError) retry();
    });
    return () => {
      live = false;
      window.removeEventListener('online', retry);
      unsubscribe();
      if (url) URL.revokeObjectURL(url);
    };
    // The owner only labels a row the first download creates; it never changes which photo.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, scheduler, id]);
  return view;
}

/** The words a view shows while it has no picture, in the viewer's language. */
export function missingWordsKey(state: PhotoState): 'photos.loading' | 'photos.unavailable' | 'photos.offline' {
  return state === 'loading' ? 'photos.loading' : state === 'unavailable' ? 'photos.unavailable' : 'photos.offline';
}
