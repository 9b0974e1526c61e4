// Turning a picked file into the stored photo, in whichever context runs it (a worker with
// OffscreenCanvas, or the page). Rules, from the issue:
// - the bytes must be a whole JPEG/PNG/WebP (shared sniffer; Chromium would happily decode a
//   truncated JPEG into a grey half-picture);
// - decode with the EXIF orientation applied and downscaled in the decoder (createImageBitmap
//   resize), so no canvas is ever full size (iOS refuses canvases over 16.7 MP);
// - JPEG, long edge ≤ 1600 px, quality 0.8 stepped down until ≤ 350 KB;
// - an already small, upright JPEG is kept as is when re-encoding would not shrink it, with its
//   EXIF/XMP/IPTC segments cut out (they carry GPS); a re-encoded one has none to begin with;
// - a ≤ 20 KB thumbnail for lists, and for when the full copy is evicted.
import { sniffImage } from '../../shared/photos/sniffImage';
import { jpegOrientation, stripJpegMetadata } from '../../shared/photos/jpegMetadata';
import { UndecodableImage } from './UndecodableImage';

export const MAX_LONG_EDGE = 1600;
export const TARGET_BYTES = 350 * 1024;
export const THUMB_LONG_EDGE = 160;
export const THUMB_MAX_BYTES = 20 * 1024;
const QUALITIES = [0.8, 0.72, 0.64, 0.56, 0.48, 0.4];
const THUMB_QUALITIES = [0.6, 0.45, 0.3];

export interface CompressedPhoto {
  bytes: ArrayBuffer;
  thumb: ArrayBuffer;
  width: number;
  height: number;
  /** True when the original bytes were kept (metadata stripped) instead of re-encoded. */
  kept: boolean;
}

/** Draws a bitmap into a canvas of its own size and encodes it; a page and a worker differ here. */
export type Encode = (bitmap: ImageBitmap, quality: number) => Promise<Blob>;

export function fitWithin(width: number, height: number, longEdge: number): { width: number; height: number } {
  const scale = Math.min(1, longEdge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

async function encodeUnder(bitmap: ImageBitmap, encode: Encode, qualities: number[], maxBytes: number): Promise<Blob> {
  let blob: Blob | null = null;
  for (const quality of qualities) {
    blob = await encode(bitmap, quality);
    if (blob.size <= maxBytes) return blob;
  }
  return blob!;
}

async function decodeAt(file: Blob, size: { width: number; height: number }): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(file, {
      imageOrientation: 'from-image',
      resizeWidth: size.width,
      resizeHeight: size.height,
      resizeQuality: 'high',
    });
  } catch {
    throw new UndecodableImage();
  }
}

export async function compressImage(file: Blob, encode: Encode): Promise<CompressedPhoto> {
  const original = new Uint8Array(await file.arrayBuffer());
  // Strict first (a file that may be kept as is must be exactly one image); then lenient, since
  // some cameras append data after the picture (motion photos), which re-encoding drops.
  const strict = sniffImage(original);
  const sniffed = strict ?? sniffImage(original, { trailing: true });
  if (!sniffed) throw new UndecodableImage();
  const orientation = sniffed.mime === 'image/jpeg' ? jpegOrientation(original) : 1;
  // Orientations 5..8 turn the picture a quarter: the upright size swaps width and height.
  const turned = orientation >= 5;
  const upright = turned ? { width: sniffed.height, height: sniffed.width } : { width: sniffed.width, height: sniffed.height };
  const target = fitWithin(upright.width, upright.height, MAX_LONG_EDGE);

  const bitmap = await decodeAt(file, target);
  try {
    const encoded = await encodeUnder(bitmap, encode, QUALITIES, TARGET_BYTES);
    const thumbSize = fitWithin(bitmap.width, bitmap.height, THUMB_LONG_EDGE);
    const thumbBitmap = await createImageBitmap(bitmap, {
      resizeWidth: thumbSize.width,
      resizeHeight: thumbSize.height,
      resizeQuality: 'medium',
    }).then(
      (b) => b,
      () => null,
    );
    const thumb = thumbBitmap ? await encodeUnder(thumbBitmap, encode, THUMB_QUALITIES, THUMB_MAX_BYTES) : encoded;
    thumbBitmap?.close();

    // Keep the original only if it is an upright JPEG that fits the size rules and is smaller.
    const keepable = strict?.mime === 'image/jpeg' && orientation === 1 && target.width === upright.width;
    const stripped = keepable ? stripJpegMetadata(original) : null;
    if (stripped && stripped.length <= encoded.size && stripped.length <= TARGET_BYTES) {
      return { bytes: stripped.slice().buffer, thumb: await thumb.arrayBuffer(), width: upright.width, height: upright.height, kept: true };
    }
    return { bytes: await encoded.arrayBuffer(), thumb: await thumb.arrayBuffer(), width: bitmap.width, height: bitmap.height, kept: false };
  } finally {
    bitmap.close();
  }
}

/** The encoder of a worker (or a page with OffscreenCanvas). */
export const encodeWithOffscreenCanvas: Encode = async (bitmap, quality) => {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  context.drawImage(bitmap, 0, 0);
  return canvas.convertToBlob({ type: 'image/jpeg', quality });
};
