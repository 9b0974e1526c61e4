// A photo picked in a form, ready to be stored with the record it belongs to. Staging happens
// before Save, so a photo that cannot be decoded is reported while the member still has the form.
import type { StagedPhoto } from '../db/photos';
import { compressPhoto } from './compressPhoto';
import { UndecodableImage } from './UndecodableImage';
import { sha256Hex } from '../sync/downloadPhoto';

export type { StagedPhoto };
export { sha256Hex };

export class PhotoUndecodableError extends Error {
  constructor(readonly fileName: string) {
    super(`cannot decode ${fileName}`);
  }
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
