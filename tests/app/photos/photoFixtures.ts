// Staged photos for data-layer tests: real bytes (a slice of a fixture), named by their SHA-256
// the way stagePhoto names them. Compression itself runs in Chromium (tests/e2e).
import { sha256Hex, type StagedPhoto } from '../../../src/app/photos/stagePhoto';

let counter = 0;

export async function stagedPhoto(size = 2048): Promise<StagedPhoto> {
  const bytes = new Uint8Array(size);
  crypto.getRandomValues(bytes);
  bytes[0] = counter++ & 0xff;
  return {
    id: await sha256Hex(bytes.buffer),
    blob: new Blob([bytes], { type: 'image/jpeg' }),
    thumb: new Blob([bytes.subarray(0, 64)], { type: 'image/jpeg' }),
    mime: 'image/jpeg',
    bytes: size,
    width: 1600,
    height: 1200,
    takenAt: '2026-11-27T08:00:00.000Z',
  };
}
