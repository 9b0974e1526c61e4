// A photo picked in a form, ready to be stored with the record it belongs to. Staging happens
// before Save, so a photo that cannot be decoded is reported while the member still has the form.
import type { PhotoRow } from '../../db/db';
import { compressPhoto } from './compressPhoto';
import { UndecodableImage } from './UndecodableImage';

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

export class PhotoUndecodableError extends Error {
  constructor(readonly fileName: string) {
    super(`cannot decode ${fileName}`);
  }
}

export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Compresses the file (see compressCore.ts: upright, ≤ 1600 px, ≤ 350 KB, no EXIF) and names the
 * result by the hash of its bytes. A broken or non-image file fails here, while the member still
 * has the form.
 */
export async function stagePhoto(file: File): Promise<StagedPhoto> {
  let compressed;
  try {
    compressed = await compressPhoto(file);
  } catch (error) {
    if (error instanceof UndecodableImage) throw new PhotoUndecodableError(file.name);
    throw error;
  }
  return {
    id: await sha256Hex(compressed.bytes),
    blob: new Blob([compressed.bytes], { type: 'image/jpeg' }),
    thumb: new Blob([compressed.thumb], { type: 'image/jpeg' }),
    mime: 'image/jpeg',
    bytes: compressed.bytes.byteLength,
    width: compressed.width,
    height: compressed.height,
    // The file's time: a camera capture's is the moment it was taken (EXIF itself is not kept).
    takenAt: new Date(file.lastModified || Date.now()).toISOString(),
  };
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
