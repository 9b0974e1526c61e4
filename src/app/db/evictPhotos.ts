// Frees space from photos the endpoint has held for 30 days: the full copy goes, the ≤ 20 KB
// thumbnail stays, and the photo view (src/app/photos) fetches the full photo again when someone
// opens it. A photo not yet uploaded is never touched (the [uploaded+createdAt] index only reaches
// uploaded ones), nor one without a thumbnail (it would leave nothing to show offline). It lives
// in db/ because sync runs it after every pass, and sync does not import features.
import type { PatrolDb } from './db';

export const EVICT_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

export interface Evicted {
  photos: number;
  bytes: number;
}

export async function evictOldPhotos(db: PatrolDb, now = new Date()): Promise<Evicted> {
  const cutoff = new Date(now.getTime() - EVICT_AFTER_MS).toISOString();
  return db.transaction('rw', db.photos, async () => {
    const old = await db.photos
      .where('[uploaded+createdAt]')
      .between([1, ''], [1, cutoff], true, false)
      .filter((row) => row.blob !== null && row.thumb !== null)
      .toArray();
    for (const row of old) await db.photos.update(row.id, { blob: null });
    return { photos: old.length, bytes: old.reduce((n, row) => n + row.bytes, 0) };
  });
}
