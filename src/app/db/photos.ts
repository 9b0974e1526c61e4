// The `photos` table family: what sync and the screens read and write about photo rows. A row is
// immutable once written (its key is the SHA-256 of its bytes); only `uploaded` and an evicted
// `blob` change. "Waiting" means not yet confirmed by the endpoint ([uploaded+createdAt] = 0).
import type { PatrolDb, PhotoRow } from './db';

/** A photo picked in a form and compressed, ready to be stored with the record it belongs to. */
export interface StagedPhoto {
  /** SHA-256 of `blob`'s bytes, lower-case hex: the photo's id everywhere. */
  id: string;
  blob: Blob;
  mime: PhotoRow['mime'];
  bytes: number;
  width: number;
  height: number;
  takenAt: string;
  /** A ≤ 20 KB JPEG for lists, kept when the full copy is evicted; null if none could be made. */
  thumb: Blob | null;
}

/** The rows to write, inside the caller's transaction, for photos of a hazard or an event. */
export function photoRows(staged: readonly StagedPhoto[], hazardId: string, eventId: string | null, now: Date): PhotoRow[] {
  return staged.map((photo) => ({
    id: photo.id,
    hazardId,
    eventId,
    mime: photo.mime,
    bytes: photo.bytes,
    width: photo.width,
    height: photo.height,
    takenAt: photo.takenAt,
    createdAt: now.toISOString(),
    blob: photo.blob,
    thumb: photo.thumb,
    uploaded: 0,
  }));
}

const waiting = (db: PatrolDb) => db.photos.where('[uploaded+createdAt]').between([0, ''], [0, '\uffff']);

/** How many photos the endpoint has not confirmed yet (for "N photos waiting"). */
export const countPhotosWaiting = (db: PatrolDb): Promise<number> => waiting(db).count();

/** The photos to upload, oldest first: waiting ones whose bytes the phone holds. */
export async function photosToUpload(db: PatrolDb): Promise<{ id: string; bytes: number }[]> {
  const rows = await waiting(db).filter((row) => row.blob !== null).toArray();
  return rows.map((row) => ({ id: row.id, bytes: row.bytes }));
}

export const getPhoto = (db: PatrolDb, id: string): Promise<PhotoRow | undefined> => db.photos.get(id);

export async function markPhotosUploaded(db: PatrolDb, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.photos.where('id').anyOf([...ids]).modify({ uploaded: 1 });
}
