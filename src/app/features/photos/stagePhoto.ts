// A photo picked in a form, ready to be stored with the record it belongs to. Staging happens
// before Save, so a photo that cannot be decoded is reported while the member still has the form.
import type { PhotoRow } from '../../db/db';

export interface StagedPhoto {
  /** SHA-256 of `blob`'s bytes, lower-case hex: the photo's id everywhere. */
  id: string;
  blob: Blob;
  mime: PhotoRow['mime'];
  bytes: number;
  width: number;
  height: number;
  takenAt: string;
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

const MIMES: readonly PhotoRow['mime'][] = ['image/jpeg', 'image/png', 'image/webp'];

/** Decodes the file (so a broken one fails here) and names it by its hash. */
export async function stagePhoto(file: File): Promise<StagedPhoto> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new PhotoUndecodableError(file.name);
  }
  const mime = (MIMES as readonly string[]).includes(file.type) ? (file.type as PhotoRow['mime']) : 'image/jpeg';
  const bytes = await file.arrayBuffer();
  const staged: StagedPhoto = {
    id: await sha256Hex(bytes),
    blob: new Blob([bytes], { type: mime }),
    mime,
    bytes: bytes.byteLength,
    width: bitmap.width,
    height: bitmap.height,
    takenAt: new Date(file.lastModified || Date.now()).toISOString(),
  };
  bitmap.close();
  return staged;
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
    thumb: null,
    uploaded: 0,
  }));
}
