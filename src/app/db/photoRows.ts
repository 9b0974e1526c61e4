// A photo picked in a form and staged (compressed, hashed) by src/app/photos, and the rows it
// becomes in the `photos` table. Here, below the photo service, so db/ never imports upward.
import type { PhotoRow } from './db';

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
